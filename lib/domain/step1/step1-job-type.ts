/** The queue name of step 1, apart from its handler so that enqueueing code does not import the job registry in a cycle. */
export const STEP1_JOB_TYPE = "onboarding.step1";
