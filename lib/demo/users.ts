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
    email: "hr.kbbj@demo.vlaanderen.be",
    name: "Greet Vermeulen",
    isDemo: true,
    // The HR service of a policy area: four agencies, each at another point of its onboarding (lib/demo/stages.ts).
    grants: [
      { role: "entity_hr", entityCode: "ADV" },
      { role: "entity_hr", entityCode: "AJH" },
      { role: "entity_hr", entityCode: "ABB" },
      { role: "entity_hr", entityCode: "HFB" },
    ],
  },
  {
    email: "manager@demo.vlaanderen.be",
    name: "Els Claes",
    isDemo: true,
    grants: [
      { role: "manager", entityCode: "DFB" },
      { role: "manager", entityCode: "VLABEL" },
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
  // HR officers of the other entities the demo onboards: they appear in the history, but have no one-click sign-in.
  {
    email: "hr.vlabel@demo.vlaanderen.be",
    name: "Sofie De Smet",
    isDemo: false,
    grants: [{ role: "entity_hr", entityCode: "VLABEL" }],
  },
  {
    email: "hr.wewis@demo.vlaanderen.be",
    name: "Tom Claeys",
    isDemo: false,
    grants: [
      { role: "entity_hr", entityCode: "DWSE" },
      { role: "entity_hr", entityCode: "DEWI" },
      { role: "entity_hr", entityCode: "VLAIO" },
    ],
  },
  {
    email: "hr.sport@demo.vlaanderen.be",
    name: "Lotte Jacobs",
    isDemo: false,
    grants: [{ role: "entity_hr", entityCode: "SPORTVL" }],
  },
  {
    email: "kim.janssens@vlaanderen.be",
    name: "Kim Janssens",
    isDemo: false,
    grants: [{ role: "entity_hr", entityCode: "DFB" }],
  },
];
