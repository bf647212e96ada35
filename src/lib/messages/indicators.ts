/** Labels of the indicators view: Chinese (default) and English, the same keys in both. */
export const zh = {
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof zh, string> = {
};
