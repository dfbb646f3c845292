import { RootConfigService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { promises as fs } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { z } from 'zod';
import { describeIssues, untypedSchema } from './inputSchema';

/** @public */
export const PUBLISH_LOCAL_ACTION_ID = 'platform-adoption:publish-local';

const CONFIG_KEY = 'platformAdoption.localRepositories';
const REPOSITORY_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;

function publishInputSchema(zod: typeof z) {
  return zod.object({
    name: zod
      .string()
      .min(1)
      .max(100)
      .refine(
        n => !n.includes('/') && !n.includes('\\'),
        'must not contain a slash',
      )
      .refine(n => !n.includes('..'), 'must not contain ".."')
      .refine(
        n => REPOSITORY_NAME.test(n),
        'must be lower-case letters, digits, ".", "_" and "-"',
      )
      .describe(
        'Name of the repository: a new folder under the local repositories root',
      ),
    sourcePath: zod
      .string()
      .optional()
      .describe(
        'Folder of the workspace to publish; the whole workspace by default',
      ),
  });
}

/** The first configured local repository location, as the UrlReader serves it. */
function localRepositories(config: RootConfigService) {
  const [first] = config.getOptionalConfigArray(CONFIG_KEY) ?? [];
  if (!first) {
    throw new InputError(
      `${PUBLISH_LOCAL_ACTION_ID} publishes into ${CONFIG_KEY}[0], which is not configured; use a real publish action (publish:github…) outside the demo`,
    );
  }
  const baseUrl = first.getString('baseUrl');
  return {
    baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`,
    // Relative to the backend's working directory, as the UrlReader resolves it.
    root: resolve(first.getString('root')),
  };
}

/**
 * Publishes the workspace as a new "repository" of the demo: a folder under
 * `platformAdoption.localRepositories[0].root`, served by the local
 * UrlReader at `<baseUrl><name>/`. It never overwrites: an existing folder
 * is an error. Outputs the repository URL and the catalog-info.yaml URL for
 * `catalog:register`.
 *
 * @public
 */
export function createPublishLocalAction(options: {
  config: RootConfigService;
}) {
  return createTemplateAction({
    id: PUBLISH_LOCAL_ACTION_ID,
    description:
      'Copies the workspace into a new folder of the local repositories root (platformAdoption.localRepositories[0]) — for demos without a Git host',
    schema: {
      input: untypedSchema(publishInputSchema),
      output: {
        remoteUrl: zImpl =>
          zImpl.string().describe('The repository URL, <baseUrl><name>/'),
        repoContentsUrl: zImpl => zImpl.string(),
        catalogInfoUrl: zImpl =>
          zImpl
            .string()
            .describe('URL of catalog-info.yaml, for catalog:register'),
      },
    },
    async handler(ctx) {
      const parsed = publishInputSchema(z).safeParse(ctx.input);
      if (!parsed.success) {
        throw new InputError(
          `invalid input to ${PUBLISH_LOCAL_ACTION_ID}: ${describeIssues(
            parsed.error,
          )}`,
        );
      }
      const { name, sourcePath } = parsed.data;
      const { baseUrl, root } = localRepositories(options.config);
      const source = sourcePath
        ? resolve(ctx.workspacePath, sourcePath)
        : ctx.workspacePath;
      if (
        source !== ctx.workspacePath &&
        !source.startsWith(`${ctx.workspacePath}${sep}`)
      ) {
        throw new InputError(
          `sourcePath ${sourcePath} is outside the workspace`,
        );
      }
      const target = join(root, name);
      if (resolve(target, '..') !== root) {
        throw new InputError(
          `repository name ${name} does not name a folder directly under ${root}`,
        );
      }
      await fs.mkdir(root, { recursive: true });
      try {
        // Creating the folder claims the name: two tasks cannot both publish it.
        await fs.mkdir(target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new ConflictError(
            `a repository named ${name} already exists at ${baseUrl}${name}/; choose another name`,
          );
        }
        throw error;
      }
      for (const entry of await fs.readdir(source)) {
        if (entry === '.git') continue;
        await fs.cp(join(source, entry), join(target, entry), {
          recursive: true,
          errorOnExist: true,
          force: false,
        });
      }
      const remoteUrl = `${baseUrl}${name}/`;
      ctx.logger.info(
        `Published the workspace to ${target}, served at ${remoteUrl}`,
      );
      ctx.output('remoteUrl', remoteUrl);
      ctx.output('repoContentsUrl', remoteUrl);
      ctx.output('catalogInfoUrl', `${remoteUrl}catalog-info.yaml`);
    },
  });
}
