import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Database drivers, the embedded Postgres (wasm + data files) and the job queue must stay real node modules.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pg-boss", "exceljs"],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: "25mb" },
  },
};

export default withNextIntl(nextConfig);
