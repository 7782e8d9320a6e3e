// Reading a CSV export in the page, a piece at a time: papaparse reads the file in chunks
// and pauses while each batch of at most LIMITS.importRows lines is sent, so a 50,000-line
// file is never held whole (in rows or in text) and the server gets calls it accepts.
import Papa from 'papaparse';
import { LIMITS } from '../limits';

export interface Batch {
  /** The lines' cells, in file order. */
  rows: string[][];
  /** The line number (1 = the header) of rows[0], for telling the user where a row is. */
  firstLine: number;
}

export interface ParseOptions {
  /** Rows per batch; never more than import_records takes in one call. */
  batchSize?: number;
  /** Bytes read at a time; papaparse's default for files is 10 MB. */
  chunkBytes?: number;
  /** The header line. Return false to stop before any batch. */
  onHeader?: (headers: string[]) => boolean | void;
  /** Called for each batch in turn; reading waits for it. Return false to stop. */
  onBatch: (batch: Batch) => Promise<boolean | void>;
}

export interface ParseSummary {
  headers: string[];
  /** Data lines read (the header not counted). */
  lines: number;
  /** Whether it stopped early (a callback said so). */
  stopped: boolean;
}

export class CsvError extends Error {}

/** Streams `input` (a File in the page, or text) through onHeader and onBatch. */
export function parseInBatches(input: File | string, options: ParseOptions): Promise<ParseSummary> {
  const batchSize = Math.min(options.batchSize ?? LIMITS.importRows, LIMITS.importRows);
  let headers: string[] | null = null;
  let pending: string[][] = [];
  let lines = 0;
  let nextLine = 2;
  let stopped = false;
  let failure: unknown = null;

  return new Promise<ParseSummary>((resolve, reject) => {
    /** Sends full batches (or, at the end, what is left) one after the other. */
    const flush = async (all: boolean): Promise<boolean> => {
      while (pending.length >= batchSize || (all && pending.length)) {
        const rows = pending.splice(0, batchSize);
        const firstLine = nextLine;
        nextLine += rows.length;
        if ((await options.onBatch({ rows, firstLine })) === false) return false;
      }
      return true;
    };

    const config: Papa.ParseLocalConfig<string[], File> = {
      header: false,
      skipEmptyLines: 'greedy',
      ...(options.chunkBytes ? { chunkSize: options.chunkBytes } : {}),
      chunk: (results, parser) => {
        let data = results.data;
        if (!headers) {
          headers = (data[0] ?? []).map((cell) => String(cell).trim());
          data = data.slice(1);
          if (options.onHeader?.(headers) === false) {
            stopped = true;
            parser.abort();
            return;
          }
        }
        lines += data.length;
        pending.push(...data);
        if (pending.length < batchSize) return;
        parser.pause();
        flush(false).then(
          (go) => {
            if (go) parser.resume();
            else {
              stopped = true;
              parser.abort();
            }
          },
          (error: unknown) => {
            failure = error;
            parser.abort();
          },
        );
      },
      complete: () => {
        if (failure) return reject(failure);
        if (stopped) return resolve({ headers: headers ?? [], lines, stopped });
        if (!headers || !headers.some(Boolean)) return reject(new CsvError('The file is empty: there is no header line.'));
        flush(true).then(
          (go) => resolve({ headers: headers ?? [], lines, stopped: !go }),
          (error: unknown) => reject(error),
        );
      },
      error: (error: Error) => reject(new CsvError(`The file could not be read as CSV: ${error.message}`)),
    };
    // Text (tests, a pasted file) goes through papaparse's string reader, a File through its
    // chunked file reader; both call chunk() with the same shape.
    if (typeof input === 'string') Papa.parse<string[]>(input, config as unknown as Papa.ParseConfig<string[]>);
    else Papa.parse<string[], File>(input, config);
  });
}
