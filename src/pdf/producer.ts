/** Producer and Creator of every PDF nafuda writes (no version, no date: identical input gives identical bytes). */
export const PDF_PRODUCER = "nafuda";
