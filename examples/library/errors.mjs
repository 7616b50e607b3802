// @ts-check
// What a program does with nafuda's errors: every one is a NafudaError with a stable code (README: Messages and
// codes), the file, the row as Excel numbers it and the column; its message is Japanese, format("en") is English.
//   node examples/library/errors.mjs
import { loadRoster, NafudaError, formatRowError } from "nafuda";

const csv = new TextEncoder().encode("職員番号,所属\r\n00101,総務課\r\n");
try {
  await loadRoster(csv, { fileName: "名簿.csv" });
} catch (error) {
  if (!(error instanceof NafudaError)) throw error;
  console.log(error.code); // ROSTER_NO_NAME_COLUMN
  console.log(error.message); // 名簿.csv の 1 行目：氏名の列が見つかりません。…
  console.log(error.format("en")); // 名簿.csv, row 1: no column holds the staff names. …
}

// A bad row is not thrown: it comes back with the others, in `errors`, as a message with its place.
const roster = await loadRoster(new TextEncoder().encode("職員番号,氏名\r\n1,佐藤　花子\r\n2,\r\n"), { fileName: "名簿.csv" });
for (const problem of roster.errors) console.log(problem.code, formatRowError(problem, "en"));
