/**
 * A preload (node --import) that records every module the process loads, one URL a line, to NAFUDA_MODULES_FILE:
 * ES modules through a resolve hook, CommonJS ones (pdf-lib, fontkit) through Module._load.
 */
import { appendFileSync } from "node:fs";
import Module, { register } from "node:module";

const file = process.env.NAFUDA_MODULES_FILE;
if (file) {
  register(
    "data:text/javascript," +
      encodeURIComponent(`
        import { appendFileSync } from "node:fs";
        export async function resolve(specifier, context, next) {
          const resolved = await next(specifier, context);
          appendFileSync(${JSON.stringify(file)}, resolved.url + "\\n");
          return resolved;
        }`),
  );
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    appendFileSync(file, `cjs:${request}\n`);
    return load.call(this, request, parent, isMain);
  };
}
