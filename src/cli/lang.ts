import { DEFAULT_LANG, parseLang, type Lang } from "../messages/lang.js";

/** The value of `--name VALUE` or `--name=VALUE` in the raw arguments, if typed. */
export function typedValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === "--") return undefined;
    if (token === `--${name}`) return argv[i + 1];
    if (token.startsWith(`--${name}=`)) return token.slice(name.length + 3);
  }
  return undefined;
}

/**
 * The language of this run, decided before anything is printed (help included): --lang, else NAFUDA_LANG, else
 * the config's `lang`, else Japanese. Never the machine's locale: the same options give the same output on every PC.
 * A --lang that names no language is left for yargs to refuse (in Japanese).
 */
export function cliLang(argv: readonly string[], configLang: unknown): Lang {
  return parseLang(typedValue(argv, "lang")) ?? parseLang(process.env.NAFUDA_LANG) ?? parseLang(configLang) ?? DEFAULT_LANG;
}
