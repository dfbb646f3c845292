import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** The folder a reader browses: one sub-folder per bad input. */
export const CORPUS_DIR = path.join(__dirname, '..', 'bad-input-corpus');

/** Where the product must name the input at fault, and how it reads there. */
export type NamedIn =
  /** A problem of the scan, read as `<file or source>: <message>`. */
  | { in: 'problems'; pattern: string }
  /** A line of the backend's log (what is skipped without being a problem). */
  | { in: 'log'; pattern: string }
  /** The error the backend refuses to start with. */
  | { in: 'startup'; pattern: string }
  /** A facet of the case's deployment, with evidence pointing at the file and line. */
  | {
      in: 'evidence';
      platform: string;
      facet: string;
      value: string | number | boolean;
      path: string;
      line: number;
      note?: string;
      deployment?: string;
    };

/** A file written at test time: too big, binary, or a link, to keep the corpus small text. */
export type GeneratedFile =
  | { path: string; pieces: Array<{ text?: string; hex?: string; utf16le?: string; times?: number }> }
  /** `{outside}` stands for a folder outside the repositories folder. */
  | { path: string; symlink: string };

export interface CorpusCase {
  name: string;
  category: string;
  what: string;
  names: NamedIn;
  generate: GeneratedFile[];
  /** The catalog's entities for the case; by default one component whose repository is the case. */
  entities?: Entity[];
  /** `platformAdoption` configuration the backend must refuse. */
  config?: Record<string, unknown>;
  also: {
    /** A deployment the rest of the input must still yield. */
    finds?: { platform: string; facets: Record<string, unknown> };
    /** A group whose rollup must still answer. */
    rollupOf?: string;
  };
}

export function loadCorpus(dir = CORPUS_DIR): CorpusCase[] {
  return fs
    .readdirSync(dir)
    .filter(name => fs.existsSync(path.join(dir, name, 'case.yaml')))
    .sort()
    .map(name => {
      const folder = path.join(dir, name);
      const read = (file: string) =>
        fs.existsSync(path.join(folder, file)) ? fs.readFileSync(path.join(folder, file), 'utf8') : undefined;
      const spec = parse(read('case.yaml')!);
      const entities = read('entities.yaml');
      const config = read('app-config.yaml');
      return {
        name,
        category: spec.category,
        what: spec.what,
        names: spec.names,
        generate: spec.generate ?? [],
        entities: entities
          ? parseAllDocuments(entities).map(document => document.toJS() as Entity).filter(Boolean)
          : undefined,
        config: config ? parse(config).platformAdoption : undefined,
        also: spec.also ?? {},
      };
    });
}

/** Writes the case's repository into `<root>/<case name>/`: its files, then what is generated. */
export function materialise(corpusCase: CorpusCase, root: string, outside: string) {
  const target = path.join(root, corpusCase.name);
  fs.mkdirSync(target, { recursive: true });
  const committed = path.join(CORPUS_DIR, corpusCase.name, 'repo');
  if (fs.existsSync(committed)) fs.cpSync(committed, target, { recursive: true });
  for (const file of corpusCase.generate) {
    const where = path.join(target, file.path);
    fs.mkdirSync(path.dirname(where), { recursive: true });
    if ('symlink' in file) fs.symlinkSync(file.symlink.replace('{outside}', outside), where);
    else fs.writeFileSync(where, Buffer.concat(file.pieces.map(bytesOf)));
  }
}

function bytesOf(piece: { text?: string; hex?: string; utf16le?: string; times?: number }): Buffer {
  const once =
    piece.hex !== undefined
      ? Buffer.from(piece.hex, 'hex')
      : Buffer.from(piece.utf16le ?? piece.text ?? '', piece.utf16le !== undefined ? 'utf16le' : 'utf8');
  return Buffer.concat(Array.from({ length: piece.times ?? 1 }, () => once));
}
