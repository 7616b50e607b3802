import { entry, enList, jaList, type Message } from "./entry.js";

/** Readings, romaji and confirmed readings: src/readings/, src/romaji/, src/review/. */
export const READINGS_MESSAGES = {
  // --- rows that get no reading
  READING_NAME_FORMULA: entry<{ name: string; first: string }>(
    "error",
    (p) => `氏名「${p.name}」が「${p.first}」で始まっていて、名前ではなく表計算の式のようです。名簿のこのセルを直してください（Excel から書き出した名簿なら、Excel でこのセルを確かめてください）。`,
    (p) => `the name "${p.name}" starts with ${p.first} like a spreadsheet formula, not a name: correct the cell in the roster (if the roster was exported from Excel, check the cell there).`,
  ),
  READING_NAME_SYMBOL: entry<{ name: string; characters: string }>(
    "error",
    (p) => `氏名「${p.name}」に名前に使わない文字（絵文字や記号）${p.characters}があります。名簿で消してください。`,
    (p) => `the name "${p.name}" holds ${p.characters}, which is not part of a name (an emoji or a symbol): remove it in the roster.`,
  ),
  READING_NONE: entry<{ surname: string; column: string }>(
    "error",
    (p) => `姓「${p.surname}」の読みがわかりません。名簿の「${p.column}」列か、確認済みよみファイルのかなの列に、読みを書いてください。`,
    (p) => `no reading for the surname ${p.surname}: give it in the roster's ${p.column} column or in the confirmed readings file.`,
  ),
  READING_NONE_LATIN: entry<{ surname: string; column: string }>(
    "error",
    (p) => `姓「${p.surname}」はローマ字で書かれているため、読みがわかりません。名簿の「${p.column}」列か確認済みよみファイルに、カタカナかひらがなで読みを書いてください（例：スミス）。`,
    (p) => `no reading for the surname ${p.surname}, which is written in Latin letters: give its reading in katakana (e.g. スミス) in the roster's ${p.column} column or in the confirmed readings file.`,
  ),
  READING_NOT_KANA: entry<{ surname: string; kana: string }>(
    "error",
    (p) => `「${p.surname}」の読み（${p.kana}）がかなだけになっていません。名札はひらがなだけを印刷します。名簿のフリガナ列か確認済みよみファイルに、読みをかなで書いてください。`,
    (p) => `the reading of ${p.surname} is not all kana (${p.kana}): a badge prints hiragana only; give the reading in the roster's フリガナ column or in the confirmed readings file.`,
  ),

  // --- why a reading must be checked (review reasons)
  REASON_LATIN_ORDER: entry<{ surname: string }>(
    "reason",
    (p) => `氏名がローマ字のため、どれが姓か分かりません（欧米の順として、最後の「${p.surname}」を姓としました）。姓の列に姓を書くか、姓を大文字で書いてください（SMITH John）。`,
    (p) => `the name is in Latin letters, so which part is the surname is not certain (${p.surname}, the last part as in Western order, was taken). Give the surname in a 姓 column, or write it in capitals (SMITH John).`,
  ),
  REASON_FOREIGN_ORDER: entry<{ surname: string; given: string }>(
    "reason",
    (p) => `「・」で区切ったカタカナの氏名は、欧米の順（名・姓）として「${p.surname}」を姓としました（名は「${p.given}」）。違っていれば、姓の列に姓を書いてください。`,
    (p) => `a katakana name with ・ was read in Western order (given・family): ${p.surname} was taken as the surname (given name ${p.given}). If that is wrong, give the surname in a 姓 column.`,
  ),
  REASON_FOREIGN_ROMAJI: entry<{ surname: string; romaji: string }>(
    "reason",
    (p) => `カタカナの姓「${p.surname}」のローマ字「${p.romaji}」は、カタカナから作ったものです。本人のつづり（例：Smith）があれば「ローマ字」に書いてください。`,
    (p) => `the romaji ${p.romaji} of the katakana surname ${p.surname} was spelt from the katakana: write the person's own spelling (e.g. Smith) in ローマ字.`,
  ),
  REASON_SPLIT_BY_SCRIPT: entry<{ surname: string }>(
    "reason",
    (p) => `氏名に空白がないため、漢字とかなの境目で姓を「${p.surname}」としました。`,
    (p) => `the name has no space: the surname was taken as ${p.surname}, where kanji turn into kana.`,
  ),
  REASON_SPLIT_GUESSED: entry<{ surname: string; others: string[] }>(
    "reason",
    (p) => `氏名に空白がないため、姓を「${p.surname}」と推測しました${p.others.length > 0 ? `（ほかに ${p.others.join("／")} も姓の候補）` : ""}。`,
    (p) => `the name has no space: the surname was guessed as ${p.surname}${p.others.length > 0 ? ` (also possible: ${p.others.join(", ")})` : ""}.`,
  ),
  REASON_SPLIT_WHOLE: entry(
    "reason",
    () => "氏名に空白がなく、辞書にも姓が見つからないため、全体を姓としました。",
    () => "the name has no space and the dictionary knows no surname at its start: the whole name was taken as the surname.",
  ),
  REASON_CONFIRMED_PENDING: entry(
    "reason",
    () => "確認済みよみファイルで、まだ「要確認」のままです。",
    () => "the confirmed readings file still marks this row 要確認 (to check).",
  ),
  REASON_ROSTER_NOT_ATTESTED: entry<{ kana: string; surname: string; known: string[] }>(
    "reason",
    (p) => `名簿の読み「${p.kana}」は、辞書にある「${p.surname}」の読み（${p.known.join("／")}）のどれとも違います。`,
    (p) => `the roster's reading ${p.kana} is none of the readings the dictionaries know for ${p.surname} (${p.known.join(", ")}).`,
  ),
  REASON_ROSTER_LENGTH: entry<{ kana: string; surname: string }>(
    "reason",
    (p) => `名簿の読み「${p.kana}」は「${p.surname}」の読みとしては長さが合いません。`,
    (p) => `the roster's reading ${p.kana} is an unlikely length for ${p.surname}.`,
  ),
  REASON_READING_SPLIT_NAME_NOT: entry<{ reading: string }>(
    "reason",
    (p) => `フリガナ「${p.reading}」は姓と名に分かれていますが、氏名は分かれていません。`,
    (p) => `the フリガナ ${p.reading} is split into surname and given name, but the name is not.`,
  ),
  REASON_READING_SPLIT_UNSURE: entry<{ reading: string; candidates: string[] }>(
    "reason",
    (p) => `フリガナ「${p.reading}」のどこまでが姓か決められません（${p.candidates.join("／")}）。`,
    (p) => `where the surname ends in the フリガナ ${p.reading} is not certain (${p.candidates.join(", ")}).`,
  ),
  REASON_FOREIGN_READING_ONE_PART: entry<{ reading: string; surname: string }>(
    "reason",
    (p) => `フリガナ「${p.reading}」は一語だけなので、姓「${p.surname}」の読みとしました。違っていれば、姓と名の読みを空白で区切って書いてください。`,
    (p) => `the フリガナ ${p.reading} is one word, so it was taken as the reading of the surname ${p.surname}; if that is wrong, write the surname's and the given name's readings with a space between.`,
  ),
  REASON_READING_SPLIT_UNKNOWN: entry<{ reading: string }>(
    "reason",
    (p) => `フリガナ「${p.reading}」のどこまでが姓か分かりません（姓と名の間に空白を入れてください）。`,
    (p) => `where the surname ends in the フリガナ ${p.reading} is not known (put a space between surname and given name).`,
  ),
  REASON_SECOND_DICTIONARY_ONLY: entry<{ surname: string }>(
    "reason",
    (p) => `「${p.surname}」は第一の辞書（IPADIC）になく、第二の辞書（UniDic）の読みです。`,
    (p) => `${p.surname} is not in the first dictionary (IPADIC); the reading is the second one's (UniDic).`,
  ),
  REASON_DICTIONARIES_DISAGREE: entry<{ first: string; second: string }>(
    "reason",
    (p) => `辞書によって読みが違います（IPADIC: ${p.first}、UniDic: ${p.second}）。`,
    (p) => `the dictionaries disagree (IPADIC: ${p.first}, UniDic: ${p.second}).`,
  ),
  REASON_SEVERAL_READINGS: entry<{ readings: string[] }>(
    "reason",
    (p) => `辞書に複数の読みがあります（${p.readings.join("／")}）。`,
    (p) => `the dictionaries list several readings (${p.readings.join(", ")}).`,
  ),
  REASON_ROSTER_UNATTESTED: entry<{ kana: string; surname: string; known: string[]; commonness: string[]; sources: string[]; rank: number }>(
    "reason",
    (p) => `名簿の読み「${p.kana}」は、姓の辞書にある「${p.surname}」の読みのどれとも違います。辞書にある読み：` +
      p.known.map((k, i) => `「${k}」（${({ most: "いちばん多い", common: "ときどきある", rare: "まれ" } as Record<string, string>)[p.commonness[i]!] ?? ""}。${p.sources[i]}）`).join("、") +
      `。${p.rank > 0 ? `「${p.surname}」は人数の多い順で全国 ${p.rank} 位の姓です。` : ""}名簿の読みが正しいか、本人に確かめてください。`,
    (p) => `the roster's reading ${p.kana} is none of the readings the surname sources know for ${p.surname}: ` +
      p.known.map((k, i) => `${k} (${({ most: "the commonest", common: "sometimes", rare: "rare" } as Record<string, string>)[p.commonness[i]!] ?? ""}; ${p.sources[i]})`).join(", ") +
      `.${p.rank > 0 ? ` ${p.surname} is number ${p.rank} among Japan's commonest surnames.` : ""} Check the roster's reading with the person.`,
  ),
  REASON_ONE_SOURCE_ONLY: entry<{ surname: string; source: string }>(
    "reason",
    (p) => `「${p.surname}」の読みを載せているのは一つの辞書（${p.source}）だけで、ほかに裏付けがありません。`,
    (p) => `only one source (${p.source}) gives a reading for ${p.surname}; nothing else confirms it.`,
  ),
  REASON_NOT_AMONG_COMMON_READINGS: entry<{ kana: string; surname: string; common: string[]; rank: number }>(
    "reason",
    (p) => `辞書の読みは「${p.kana}」ですが、人数の多い名字の一覧（JUMAN、全国 ${p.rank} 位）では「${p.surname}」の読みは${p.common.map((c) => `「${c}」`).join("")}で、「${p.kana}」はありません。`,
    (p) => `the dictionaries read ${p.kana}, but the list of common surnames (JUMAN, rank ${p.rank}) reads ${p.surname} ${p.common.join(", ")}, not ${p.kana}.`,
  ),
  REASON_VOICING_GUESS: entry<{ kana: string; surname: string; known: string[] }>(
    "reason",
    (p) => `「${p.kana}」は、どの辞書にも「${p.surname}」の読みとしてありません。辞書の読み（${p.known.join("／")}）より、ほかの姓の濁り方（連濁）からはこの読みが多いと見られるため、こちらを候補にしました。`,
    (p) => `${p.kana} is no source's reading of ${p.surname}; the sources give ${p.known.join(", ")}, but how similar surnames voice (rendaku) makes this reading likelier.`,
  ),
  REASON_VOICING_UNSURE: entry<{ readings: string[] }>(
    "reason",
    (p) => `濁るかどうか（${p.readings.join("／")}）を決める根拠が足りません。`,
    (p) => `there is not enough evidence to tell whether the reading is voiced (${p.readings.join(", ")}).`,
  ),
  REASON_PLACE_OR_WORD_ONLY: entry<{ kana: string; surname: string; place: number }>(
    "reason",
    (p) => `「${p.kana}」を「${p.surname}」の姓の読みとするのは一つの辞書（IPADIC）だけで、${p.place ? "地名" : "一般の語"}の読みと同じです。姓の読みとしての裏付けがありません。`,
    (p) => `only one dictionary (IPADIC) gives ${p.kana} as a surname reading of ${p.surname}, and it is also the reading of ${p.place ? "a place name" : "a common word"}: nothing confirms it as a surname reading.`,
  ),
  REASON_BANK_KANA_AMBIGUOUS: entry<{ roster: string; candidates: string[] }>(
    "reason",
    (p) => `名簿の読み「${p.roster}」は小さい「ッ」「ャ」などのない銀行振込用のカナのようで、辞書の読みの${p.candidates.map((c) => `「${c}」`).join("")}のどれにもなりえます。`,
    (p) => `the roster's reading ${p.roster} looks like bank-transfer kana (no small kana) and may stand for any of ${p.candidates.join(", ")}.`,
  ),
  REASON_BANK_KANA_NO_FIT: entry<{ roster: string; surname: string; known: string[] }>(
    "reason",
    (p) => `名簿の読み「${p.roster}」は小さい「ッ」「ャ」などのない銀行振込用のカナのようですが、小さいかなを戻しても、辞書にある「${p.surname}」の読み${p.known.length > 0 ? `（${p.known.join("／")}）` : ""}に合いません。正しい読みを書いてください。`,
    (p) => `the roster's reading ${p.roster} looks like bank-transfer kana (no small kana), but no way of restoring its small kana gives a reading the sources know for ${p.surname}${p.known.length > 0 ? ` (${p.known.join(", ")})` : ""}. Give the right reading.`,
  ),
  REASON_ANALYZER: entry<{ surname: string }>(
    "reason",
    (p) => `「${p.surname}」は姓の辞書にないため、一般の解析器で読みを推測しました。`,
    (p) => `${p.surname} is in no surname dictionary: the reading was guessed by a general analyzer.`,
  ),
  REASON_ROMAJI_UNUSABLE: entry<{ romaji: string }>(
    "reason",
    (p) => `ローマ字「${p.romaji}」に使えない文字があるため、読みから作りました。`,
    (p) => `the romaji "${p.romaji}" holds characters a badge cannot use: it was spelt from the reading instead.`,
  ),
  REASON_ROMAJI_LONG_VOWEL: entry<{ kana: string; romaji: string; other: string }>(
    "reason",
    (p) => `ローマ字：「${p.kana}」を ${p.romaji} としましたが、${p.other} かもしれません（かなだけでは長く伸ばす音か決められません）。`,
    (p) => `romaji: ${p.kana} was spelt ${p.romaji}, but it may be ${p.other} (kana alone cannot tell a long vowel).`,
  ),
  REASON_ROMAJI_PRONUNCIATION: entry<{ pronunciation: string; kana: string }>(
    "reason",
    (p) => `ローマ字：辞書の発音「${p.pronunciation}」が読み「${p.kana}」と合わないため、長く伸ばす音はかなの規則で決めました。`,
    (p) => `romaji: the dictionary's pronunciation ${p.pronunciation} does not match the reading ${p.kana}; long vowels were decided by kana rules.`,
  ),
  REASON_ROMAJI_SMALL_TSU: entry<{ kana: string }>(
    "reason",
    (p) => `ローマ字：「${p.kana}」の小さい「っ」の後に子音がないため、っ は書いていません。`,
    (p) => `romaji: the small っ in ${p.kana} doubles no consonant and was left out.`,
  ),
  REASON_ROMAJI_UNUSUAL_KANA: entry<{ kana: string; romaji: string }>(
    "reason",
    (p) => `ローマ字：めずらしいかな「${p.kana}」を一字ずつ ${p.romaji} と書きました。`,
    (p) => `romaji: the unusual kana ${p.kana} was spelt kana by kana as ${p.romaji}.`,
  ),
  REASON_ROMAJI_DOES_NOT_FIT: entry<{ kana: string; romaji: string; spelt: string }>(
    "reason",
    (p) => `ローマ字「${p.romaji}」は、かな「${p.kana}」のつづりになっていません（${p.kana} なら ${p.spelt}）。ローマ字を直すか空にしてください。この組み合わせのままでよければ、要確認に「済」と書いてください。`,
    (p) => `the romaji "${p.romaji}" does not spell the kana ${p.kana} (which is ${p.spelt}). Correct the romaji or empty it; if this pair is right as it is, write 済 in 要確認.`,
  ),
  REASON_CONFIRMED_FILES_DISAGREE: entry<{ first: Message; firstReading: string; second: Message; secondReading: string }>(
    "reason",
    (p) => `確認済みよみファイルどうしで違います：${p.first} では ${p.firstReading}、${p.second} では ${p.secondReading}。正しい方を一つに決めてください。`,
    (p) => `the confirmed readings files disagree: ${p.first} says ${p.firstReading}, ${p.second} says ${p.secondReading}. Decide which is right.`,
  ),
  REASON_CONFIRMED_SAME_NAME: entry<{ name: string; kana: string; count: number }>(
    "reason",
    (p) => `確認済みよみファイルに「${p.name}」の読み（${p.kana}）がありますが、名簿に同じ氏名の人が ${p.count} 人いて、職員番号で見分けられないため、使っていません。どの人の読みか確かめてください。`,
    (p) => `the confirmed readings file has a reading for ${p.name} (${p.kana}), but the roster has ${p.count} people of that name and no staff number tells them apart, so it was not used. Check whose reading it is.`,
  ),

  // --- where a reading came from, in more detail (no check needed)
  NOTE_BANK_KANA_RESTORED: entry<{ roster: string; kana: string }>(
    "note",
    (p) => `名簿の読み「${p.roster}」は銀行振込用のカナ（小さいかなを書かない形）のため、辞書の読みに合わせて小さいかなを戻し、「${p.kana}」としました。`,
    (p) => `the roster's reading ${p.roster} is bank-transfer kana (written without small kana); its small kana were restored to fit the sources' reading: ${p.kana}.`,
  ),

  // --- confirmed readings files
  CONFIRMED_NO_COLUMNS: entry<{ headers: string[] }>(
    "error",
    (p) => `確認済みよみファイルとして読めません。「かな」の列と、「職員番号」か「氏名」の列が必要です（いまの見出し：${jaList(p.headers)}）。nafuda で作った確認シートを選んでください。`,
    (p) => `a confirmed readings file needs a かな (kana) column and a 職員番号 (id) or 氏名 (name) column; found: ${enList(p.headers)}. Give a review sheet nafuda wrote.`,
  ),
  CONFIRMED_NOT_KANA: entry<{ kana: string }>(
    "error",
    (p) => `「${p.kana}」はかなではありません。姓の読みをひらがな（かカタカナ）で書いてください。`,
    (p) => `「${p.kana}」 is not kana: write the surname's reading in hiragana (or katakana).`,
  ),
  CONFIRMED_BAD_SCRIPT: entry<{ value: string }>(
    "error",
    (p) => `「名札の表記」の「${p.value}」は使えません。「カタカナ」か「ひらがな」と書くか、空欄にしてください（空欄は市の設定どおり）。`,
    (p) => `「${p.value}」 in 名札の表記 (printed as) is not one of カタカナ (katakana) or ひらがな (hiragana): write one of them, or leave the cell empty for the city's default.`,
  ),
  CONFIRMED_NO_ID_OR_NAME: entry(
    "error",
    () => "職員番号も氏名もないため、だれの読みかわかりません。どちらかを入れてください。",
    () => "the row has neither 職員番号 nor 氏名, so it cannot be matched to anyone.",
  ),
  CONFIRMED_MOSTLY_UNMATCHED: entry<{ total: number; byId: number; byName: number; unmatched: number }>(
    "error",
    (p) => `この確認済みよみファイルの ${p.total} 行のうち ${p.unmatched} 行が、名簿のだれとも合いません（職員番号で合った行 ${p.byId}、氏名で合った行 ${p.byName}）。` +
      "別の名簿や別の年度のファイルか、職員番号の付け方が違うファイルかもしれません。この名簿から作った確認シートを選んでください。" +
      "退職などで合わない行が多いだけなら、その行を消してから、もう一度実行してください。",
    (p) => `${p.unmatched} of the ${p.total} rows of this confirmed readings file match no one in the roster (matched by staff number: ${p.byId}, by name: ${p.byName}). ` +
      "It may be a file of another roster or another year, or one whose staff numbers follow another scheme. Give the review sheet made from this roster; " +
      "if many staff have simply left, delete their rows and run again.",
  ),
  CONFIRMED_FOLDER_EMPTY: entry(
    "error",
    () => "このフォルダーには確認済みよみファイル（.csv か .xlsx）がありません。",
    () => "the folder holds no confirmed readings files (.csv or .xlsx).",
  ),
  NOTE_CONFIRMED_STALE: entry<{ count: number; rows: string }>(
    "note",
    (p) => `確認済みよみファイルの ${p.count} 行（${p.rows} 行目）は、名簿のだれとも合いませんでした。退職した人か、職員番号や氏名が変わった人です。使っていません。`,
    (p) => `${p.count} row(s) of the confirmed readings file (rows ${p.rows}) match no one in the roster: staff who have left, or whose 職員番号 or name changed. They were ignored.`,
  ),
  NOTE_CONFIRMED_ID_CHANGED_BY_EXCEL: entry<{ count: number; how: Message[] }>(
    "note",
    (p) => `確認済みよみファイルの職員番号のうち ${p.count} 行は Excel で変わっていました（${p.how.join("、")}）。職員番号の数字と氏名で照合しました。`,
    (p) => `${p.count} staff number(s) in the confirmed readings file were changed by Excel (${p.how.join(", ")}); those rows were matched by the number's digits and the name.`,
  ),
  NOTE_CONFIRMED_ID_UNUSABLE: entry<{ count: number; how: Message[] }>(
    "note",
    (p) => `確認済みよみファイルの職員番号のうち ${p.count} 行は Excel で別の値になっていて使えませんでした（${p.how.join("、")}）。その行は氏名で照合しました。`,
    (p) => `${p.count} staff number(s) in the confirmed readings file were turned into other values by Excel (${p.how.join(", ")}) and could not be used; those rows were matched by name.`,
  ),
  TEXT_ID_LEADING_ZEROS: entry("text", () => "先頭の 0 が消えた", () => "leading zeros stripped"),
  TEXT_ID_AS_DATE: entry("text", () => "日付になった", () => "turned into dates"),
  TEXT_ID_ROUNDED: entry("text", () => "15 桁を超えて丸められた", () => "rounded past 15 digits"),
  TEXT_ID_AS_DECIMAL: entry("text", () => "小数になった", () => "written as decimals"),
} as const;
