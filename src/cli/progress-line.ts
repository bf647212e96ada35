/**
 * A progress line on a terminal, rewritten in place a few times a second: `1,200 / 20,000 files
 * 812 reports/s  ETA 23 s`. Lines printed meanwhile (`print`) go above it. For the commands'
 * terminals only: the caller makes one when its stream is a TTY, so piped output stays as it was.
 */
const CLEAR = '\r\x1b[K';
const EVERY_MS = 250;

export class ProgressLine {
  private shown = '';
  private shownAt = 0;
  private readonly started = performance.now();

  /** `unit`: what `done` counts (files, reports). */
  constructor(private readonly stream: NodeJS.WriteStream, private readonly unit: string) {}

  /** Prints a line above the progress line (which `write` must not touch). */
  print(write: () => void): void {
    if (this.shown) this.stream.write(CLEAR);
    write();
    if (this.shown) this.stream.write(this.shown);
  }

  /** `done` of `total`; `reports` so far when they are not what `done` counts. Cleared at the end. */
  show(done: number, total: number, reports = done): void {
    const now = performance.now();
    if (done < total && now - this.shownAt < EVERY_MS) return;
    this.shownAt = now;
    const seconds = (now - this.started) / 1000;
    const eta = done > 0 ? Math.round(((total - done) * seconds) / done) : 0;
    const rate = `${Math.round(reports / seconds).toLocaleString('en')} reports/s`;
    this.shown = done < total ? `${done.toLocaleString('en')} / ${total.toLocaleString('en')} ${this.unit}  ${rate}  ETA ${eta} s` : '';
    this.stream.write(CLEAR + this.shown);
  }
}
