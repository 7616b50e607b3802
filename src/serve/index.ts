/**
 * nafuda/serve — the local web page (`nafuda serve`) as a library: start it on 127.0.0.1, or mount its request
 * handler in a server of your own. Importing the main entry `nafuda` never loads this.
 */
export { startServer, requestHandler, isAllowedHost, DEFAULT_MAX_UPLOAD_BYTES } from "./server.js";
export type { ServeOptions, RunningServer } from "./server.js";
