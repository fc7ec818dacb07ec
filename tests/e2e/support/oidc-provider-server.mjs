// A small OpenID Connect identity provider on loopback, for the browser tests only.
// Login page: GET /interaction/:uid shows a form with a text field labelled "Gebruikersnaam"
// (name=login) and a button "Aanmelden". Consent is granted automatically.
import http from "node:http";
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_TEST_PORT ?? 3201);
const issuer = `http://127.0.0.1:${port}`;
const redirectUri = process.env.OIDC_TEST_REDIRECT_URI ?? "http://127.0.0.1:3100/api/auth/callback/oidc";

/** login name -> claims; the subject doubles as oidc-provider's account id. */
const ACCOUNTS = {
  kim: { sub: "kim-0001", email: "kim.janssens@vlaanderen.be", email_verified: true, name: "Kim Janssens" },
  stranger: { sub: "stranger-0001", email: "stranger@example.org", email_verified: true, name: "Onbekende Gebruiker" },
};
const bySubject = new Map(Object.values(ACCOUNTS).map((a) => [a.sub, a]));

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: "apb-e2e",
      client_secret: "apb-e2e-secret",
      redirect_uris: [redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  conformIdTokenClaims: false,
  cookies: { keys: ["e2e-cookie-key-not-secret"] },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, id) {
    const account = bySubject.get(id);
    return account && { accountId: id, claims: async () => ({ ...account }) };
  },
});

const page = (uid, error = "") => `<!doctype html><html lang="nl"><head><title>Test-IdP</title></head><body>
<main><h1>Test-IdP</h1>${error ? `<p role="alert">${error}</p>` : ""}
<form method="post" action="/interaction/${uid}">
<label for="login">Gebruikersnaam</label> <input id="login" name="login" autofocus>
<button type="submit">Aanmelden</button></form></main></body></html>`;

async function readForm(req) {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

async function handleInteraction(req, res) {
  const details = await provider.interactionDetails(req, res);
  const { uid, prompt, params, session } = details;
  if (prompt.name === "login") {
    if (req.method === "GET") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(uid));
      return;
    }
    const account = ACCOUNTS[(await readForm(req)).get("login") ?? ""];
    if (!account) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(uid, "Onbekende gebruiker"));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
    return;
  }
  // Consent: grant what the client asked for.
  const grant = new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(" "));
  if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(" "));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

provider.on("grant.error", (ctx, error) =>
  console.error("[oidc-idp] grant error:", error.message, error.error_detail ?? "", ctx.oidc?.params?.redirect_uri ?? ""),
);
provider.on("server_error", (_ctx, error) => console.error("[oidc-idp] server error:", error));

const callback = provider.callback();
const server = http.createServer((req, res) => {
  if (req.url?.startsWith("/interaction/")) {
    handleInteraction(req, res).catch((error) => {
      console.error("[oidc-idp]", error);
      if (!res.headersSent) res.writeHead(500).end(String(error?.message ?? error));
    });
    return;
  }
  if (process.env.OIDC_TEST_DEBUG) console.error("[oidc-idp]", req.method, req.url);
  callback(req, res);
});
server.listen(port, "127.0.0.1", () => console.log(`oidc test idp listening on ${issuer}`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
