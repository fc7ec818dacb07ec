/**
 * The accounts the demo data set creates. Demo accounts (isDemo) sign in with one click while
 * demo mode is on; the one non-demo account is the one the OIDC sign-in test signs in as.
 */

export type DemoRole = "central_expert" | "entity_hr" | "manager";

export interface DemoAccount {
  email: string;
  name: string;
  isDemo: boolean;
  /** entityCode null = every entity (central expert, government-wide manager). */
  grants: readonly { role: DemoRole; entityCode: string | null }[];
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "expert@demo.vlaanderen.be",
    name: "An Peeters",
    isDemo: true,
    grants: [{ role: "central_expert", entityCode: null }],
  },
  {
    email: "hr.dfb@demo.vlaanderen.be",
    name: "Bart Janssens",
    isDemo: true,
    grants: [{ role: "entity_hr", entityCode: "DFB" }],
  },
  {
    email: "hr.omgeving@demo.vlaanderen.be",
    name: "Chloé Maes",
    isDemo: true,
    grants: [
      { role: "entity_hr", entityCode: "DOMG" },
      { role: "entity_hr", entityCode: "VMM" },
    ],
  },
  {
    email: "hr.ago@demo.vlaanderen.be",
    name: "Dirk Wouters",
    isDemo: true,
    grants: [{ role: "entity_hr", entityCode: "AGO" }],
  },
  {
    email: "manager@demo.vlaanderen.be",
    name: "Els Claes",
    isDemo: true,
    grants: [
      { role: "manager", entityCode: "DFB" },
      { role: "manager", entityCode: "DOMG" },
      { role: "manager", entityCode: "VMM" },
    ],
  },
  {
    email: "topmanagement@demo.vlaanderen.be",
    name: "Frank Mertens",
    isDemo: true,
    grants: [{ role: "manager", entityCode: null }],
  },
  {
    email: "kim.janssens@vlaanderen.be",
    name: "Kim Janssens",
    isDemo: false,
    grants: [{ role: "entity_hr", entityCode: "DFB" }],
  },
];
