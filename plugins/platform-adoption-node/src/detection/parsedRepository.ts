import { ScanProblem } from '@platform-adoption/plugin-platform-adoption-common';
import { FileProblem } from '../parsing/fileContent';
import { HclFile, isHclParserLoaded, parseHcl } from '../parsing/hcl';
import { KubernetesObject, kubernetesObjects } from '../parsing/kubernetes';
import { parseLimits, ParseLimits } from '../parsing/limits';
import {
  DeclaredDependency,
  readDependencies,
} from '../parsing/packageManifests';
import { terraformModules, TerraformModule } from '../parsing/terraform';
import { ConfigDocument, parseJson, parseYaml } from '../parsing/yaml';
import { RepositoryFiles } from './types';

/** @public */
export const YAML_GLOBS = ['**/*.yaml', '**/*.yml'];
/** @public */
export const TERRAFORM_GLOBS = [
  '**/*.tf',
  '**/terraform.tfvars',
  '**/*.auto.tfvars',
];

const cache = new WeakMap<RepositoryFiles, ParsedRepository>();

/**
 * A repository's files parsed at most once, however many detectors read
 * them, with the problems met on the way (unreadable, too large, binary,
 * invalid) collected instead of thrown. Detectors from backend modules use
 * it too: `ParsedRepository.of(files)`.
 *
 * @public
 */
export class ParsedRepository {
  readonly limits: ParseLimits;
  private readonly problemsByKey = new Map<string, ScanProblem>();
  private readonly texts = new Map<string, string | undefined>();
  private readonly documents = new Map<string, ConfigDocument[]>();
  private readonly hclFiles = new Map<string, HclFile | undefined>();
  private readonly manifests = new Map<string, DeclaredDependency[]>();
  private readonly listed = new Map<string, string[]>();
  private modules: TerraformModule[] | undefined;
  private objects: KubernetesObject[] | undefined;

  static of(files: RepositoryFiles): ParsedRepository {
    let parsed = cache.get(files);
    if (!parsed) {
      parsed = new ParsedRepository(files);
      cache.set(files, parsed);
    }
    return parsed;
  }

  private constructor(readonly files: RepositoryFiles) {
    this.limits = parseLimits(files.limits);
  }

  get repository(): string {
    return this.files.repository;
  }

  /** Problems met so far, each once. */
  get problems(): ScanProblem[] {
    return [...this.problemsByKey.values()];
  }

  report(message: string, file?: string) {
    const key = `${file ?? ''}\u0000${message}`;
    if (!this.problemsByKey.has(key)) {
      this.problemsByKey.set(key, {
        source: this.repository,
        ...(file ? { file } : {}),
        message,
      });
    }
  }

  /** The repository's files matching any of the globs, sorted; each set of globs matched once. */
  list(globs: string[]): string[] {
    const key = globs.join('\u0000');
    let paths = this.listed.get(key);
    if (!paths) {
      paths = this.files.list(globs);
      this.listed.set(key, paths);
    }
    return [...paths];
  }

  /** The file's text, or undefined (with a problem) when it cannot be read. */
  text(path: string): string | undefined {
    if (this.texts.has(path)) return this.texts.get(path);
    let text: string | undefined;
    try {
      text = this.files.text(path);
    } catch (error) {
      const message =
        error instanceof FileProblem
          ? error.message
          : `${path} could not be read: ${(error as Error).message}`;
      this.report(message, path);
    }
    this.texts.set(path, text);
    return text;
  }

  /** The documents of a YAML or JSON file; broken documents are reported and left out. */
  configDocuments(path: string): ConfigDocument[] {
    const cached = this.documents.get(path);
    if (cached) return cached;
    const text = this.text(path);
    let documents: ConfigDocument[] = [];
    if (text !== undefined) {
      const parsed = path.endsWith('.json')
        ? parseJson(path, text, this.limits)
        : parseYaml(path, text, this.limits);
      documents = parsed.documents;
      // A Helm chart's templates are Go templates, not YAML: not a problem
      // of the repository, just not ours to read.
      const isTemplate = text.includes('{{');
      if (!isTemplate)
        for (const issue of parsed.issues) this.report(issue.message, path);
    }
    this.documents.set(path, documents);
    return documents;
  }

  /** A parsed HCL file, or undefined (with a problem) when unreadable. */
  hclFile(path: string): HclFile | undefined {
    if (this.hclFiles.has(path)) return this.hclFiles.get(path);
    let file: HclFile | undefined;
    const text = this.text(path);
    if (text !== undefined) {
      if (!isHclParserLoaded()) {
        this.report(
          'Terraform files were not read: the HCL parser is not loaded (call "await loadHclParser()" once at start-up)',
        );
      } else {
        file = parseHcl(path, text);
        for (const issue of file.issues) this.report(issue.message, path);
      }
    }
    this.hclFiles.set(path, file);
    return file;
  }

  /** Every Terraform module (directory of `.tf` files) of the repository. */
  terraformModules(): TerraformModule[] {
    if (!this.modules) {
      const files = this.list(TERRAFORM_GLOBS)
        .map(path => this.hclFile(path))
        .filter((file): file is HclFile => file !== undefined);
      this.modules = terraformModules(files);
    }
    return this.modules;
  }

  /** Every Kubernetes object in the repository's YAML files. */
  kubernetesObjects(): KubernetesObject[] {
    this.objects ??= this.list(YAML_GLOBS).flatMap(path =>
      kubernetesObjects(this.configDocuments(path)),
    );
    return this.objects;
  }

  /**
   * The dependencies a package manifest declares, read once however many
   * detectors ask (every platform's client-library detection does).
   */
  dependencies(path: string): DeclaredDependency[] {
    const cached = this.manifests.get(path);
    if (cached) return cached;
    let dependencies: DeclaredDependency[] = [];
    const text = this.text(path);
    if (text !== undefined) {
      try {
        dependencies = readDependencies(path, text);
      } catch (error) {
        this.report(
          `${path} could not be read as a package manifest: ${
            (error as Error).message
          }`,
          path,
        );
      }
    }
    this.manifests.set(path, dependencies);
    return dependencies;
  }
}
