/**
 * Build of the Excel add-in (docs/addin.md):
 *   npm run build   → dist/ for deployment: taskpane.html (with a strict Content-Security-Policy),
 *                     taskpane.js, functions.js, functions.json (English names), functions-nl.json
 *                     (Dutch names), manifest.xml with the production URL, assets/icon-*.png.
 *   npm start       → webpack-dev-server on https://localhost:3000 for sideloading manifest.xml.
 *
 * The production URL: the environment variable ADDIN_URL (https, no trailing slash needed), else
 * DEFAULT_PRODUCTION_URL below. Every https://localhost:3000 in manifest.xml is replaced by it.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { Compilation, ProvidePlugin, WebpackError, sources } = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { finishMetadata, translateMetadata } = require("./src/functions/translate.cjs");

const DEV_URL = "https://localhost:3000";
/** Where the add-in is hosted when ADDIN_URL is not set: a placeholder to replace for a real deployment. */
const DEFAULT_PRODUCTION_URL = "https://vv-monitor.example.org/addin";
const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

/** The Content-Security-Policy of the task pane page: no eval, no inline script, office.js from its CDN only. */
const CSP = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_JS_ORIGIN}`,
  // Fluent UI (Griffel) inserts its style rules at run time.
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: ${OFFICE_JS_ORIGIN}`,
  `connect-src 'self' ${OFFICE_JS_ORIGIN}`,
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

function productionUrl() {
  const url = (process.env.ADDIN_URL || DEFAULT_PRODUCTION_URL).replace(/\/+$/, "");
  if (!/^https:\/\/[^\s"<>]+$/.test(url))
    throw new Error(`ADDIN_URL must be an https URL, got "${url}"`);
  return url;
}

/**
 * Completes functions.json (finishMetadata: error cells reach the functions) and emits functions-nl.json,
 * the same metadata with the Dutch names and help of src/functions/nl.json.
 */
class DutchFunctionsMetadataPlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    const name = "DutchFunctionsMetadataPlugin";
    // custom-functions-metadata-plugin puts functions.json into child compilations too (html-webpack-plugin
    // compiles the page in one). When the dev server rebuilds, that raw copy meets the finished one of the
    // main compilation: "Conflict: Multiple assets emit different content to the same filename
    // functions.json", and the page is no longer reloaded. Only the main compilation keeps it.
    compiler.hooks.compilation.tap(name, (compilation) => {
      if (compilation.compiler.isChild()) delete compilation.assets[this.options.input];
    });
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.fileDependencies.add(this.options.mapping);
          const source = compilation.getAsset(this.options.input);
          if (!source) {
            compilation.errors.push(
              new WebpackError(`${name}: ${this.options.input} was not generated`)
            );
            return;
          }
          try {
            const mapping = JSON.parse(fs.readFileSync(this.options.mapping, "utf8"));
            const metadata = finishMetadata(JSON.parse(source.source.source().toString()));
            compilation.updateAsset(
              this.options.input,
              new sources.RawSource(JSON.stringify(metadata, null, 4) + "\n")
            );
            const nl = translateMetadata(metadata, mapping);
            compilation.emitAsset(
              this.options.output,
              new sources.RawSource(JSON.stringify(nl, null, 4) + "\n")
            );
          } catch (e) {
            compilation.errors.push(
              new WebpackError(`${name}: ${e instanceof Error ? e.message : String(e)}`)
            );
          }
        }
      );
    });
  }
}

/** https for the dev server: office-addin-dev-certs' files when present (trusted on Windows/Mac), else a self-signed one. */
function devServerHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f))))
    return {
      type: "https",
      options: Object.fromEntries(
        Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))])
      ),
    };
  return { type: "https" };
}

/** The dev server's port: 3000 (the manifest's URLs), or DEV_SERVER_PORT (the browser test uses a free one). */
function devPort() {
  return Number(process.env.DEV_SERVER_PORT || 3000);
}

/**
 * webpack-dev-server's live-reload client, put into functions.js only. The server would add it to every
 * entry as a global entry, which gives taskpane.js (dependOn: functions) a runtime of its own that cannot
 * see the modules of functions.js: the page then stops with "Cannot find module
 * './node_modules/webpack-dev-server/client/index.js?…'" and the pane stays empty.
 */
function devClientEntry() {
  const query = new URLSearchParams({
    protocol: "wss:",
    hostname: "localhost",
    port: String(devPort()),
    pathname: "/ws",
    logging: "info",
    overlay: JSON.stringify({ errors: true, warnings: false }),
    reconnect: "10",
    hot: "false",
    "live-reload": "true",
  });
  return `${require.resolve("webpack-dev-server/client/index.js")}?${query}`;
}

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = !!(env && env.WEBPACK_SERVE);
  const baseUrl = dev ? DEV_URL : productionUrl();
  return {
    mode: dev ? "development" : "production",
    // Never an eval-based devtool: the page's CSP forbids eval, in development too.
    devtool: "source-map",
    target: ["web", "es2020"],
    entry: {
      // functions.js stands alone (webpack runtime, core, zod): the manifest's Script can load it by itself.
      // csp.ts first: zod must not probe for eval (a CSP violation) when the core builds its schemas.
      functions: [
        ...(serving ? [devClientEntry()] : []),
        "./src/functions/csp.ts",
        "./src/functions/functions.ts",
      ],
      // The task pane runs in the same page (shared runtime) after functions.js and reuses its modules
      // (core, zod) instead of carrying a second copy.
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].js",
      // Relative to the page: the lazy chunk sits next to taskpane.html. Not "auto": its detection needs a
      // document, and functions.js (which carries the runtime) must also run where there is none.
      publicPath: "",
      clean: true,
    },
    // One lazy chunk, xlsx.js (exceljs and the xlsx host), loaded only when the user picks
    // the previous meting's workbook; the entries share their modules through dependOn.
    optimization: { splitChunks: false },
    resolve: {
      extensions: [".ts", ".tsx", ".mjs", ".js", ".json"],
      // exceljs (imported from its patched sources: src/xlsx/exceljs-lib.cjs) with the few Node modules its
      // in-memory reading touches replaced by their browser versions; file and stream I/O is never called.
      fallback: {
        stream: require.resolve("readable-stream"),
        events: require.resolve("events/"),
        buffer: require.resolve("buffer/"),
        util: require.resolve("util/"),
        fs: false,
        crypto: false,
        path: false,
        os: false,
        zlib: false,
      },
    },
    module: {
      rules: [
        {
          test: /\.(ts|tsx)$/,
          exclude: /node_modules/,
          use: {
            loader: "swc-loader",
            options: {
              jsc: {
                parser: { syntax: "typescript", tsx: true },
                transform: { react: { runtime: "automatic", development: dev } },
                target: "es2020",
              },
            },
          },
        },
        { test: /\.css$/, type: "asset/source" },
      ],
    },
    plugins: [
      // Node's globals as exceljs' sources use them, for the xlsx chunk (see resolve.alias above).
      new ProvidePlugin({
        Buffer: ["buffer", "Buffer"],
        process: path.resolve(__dirname, "src/xlsx/process-browser.cjs"),
      }),
      new CustomFunctionsMetadataPlugin({
        input: "./src/functions/functions.ts",
        output: "functions.json",
      }),
      new DutchFunctionsMetadataPlugin({
        input: "functions.json",
        output: "functions-nl.json",
        mapping: path.resolve(__dirname, "src/functions/nl.json"),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime: the custom functions and the task pane run in this one page.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
        csp: CSP,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString().split(DEV_URL).join(baseUrl),
          },
        ],
      }),
    ],
    performance: {
      hints: "warning",
      assetFilter: (f) => f.endsWith(".js"),
      maxAssetSize: 1_500_000,
      maxEntrypointSize: 1_500_000,
    },
    devServer: {
      port: devPort(),
      host: "localhost",
      server: devServerHttps(),
      headers: { "Access-Control-Allow-Origin": "*" },
      hot: false,
      liveReload: true,
      static: false,
      // The client is in the functions entry (devClientEntry); the server must not add it to every entry.
      client: false,
      webSocketServer: "ws",
    },
  };
};

module.exports.DEV_URL = DEV_URL;
module.exports.DEFAULT_PRODUCTION_URL = DEFAULT_PRODUCTION_URL;
module.exports.CSP = CSP;
