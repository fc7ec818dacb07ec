/** The queue name of step 4, apart from its handler so that enqueueing code does not import the job registry in a cycle. */
export const STEP4_JOB_TYPE = "onboarding.step4";
