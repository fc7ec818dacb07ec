/** The queue name of step 6, apart from its handler so that enqueueing code does not import the job registry in a cycle. */
export const STEP6_JOB_TYPE = "onboarding.step6";
