import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';
import request from 'supertest';
import { Client } from 'pg';

export const PLAYGROUND_DIR = path.resolve(__dirname, '..', '..', 'playground');

export type Role = 'superAdmin' | 'editor' | 'author' | 'noRole';

export interface TestApp {
  strapi: Core.Strapi;
  http: () => request.Agent;
  tokens: Record<Role, string>;
  users: Record<Role, { id: number; email: string }>;
  /** Requests as one of the test users. */
  as(role: Role): {
    get(url: string): request.Test;
    post(url: string, body?: object): request.Test;
    put(url: string, body?: object): request.Test;
    delete(url: string): request.Test;
  };
}

export interface Database {
  /** Environment that points the playground at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

const PASSWORD = 'Test-password-1';
const usesPostgres = () => process.env.DATABASE_CLIENT === 'postgres';

const pgConfig = () => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 5432),
  database: process.env.DATABASE_NAME ?? 'test',
  user: process.env.DATABASE_USERNAME ?? 'postgres',
  password: process.env.DATABASE_PASSWORD ?? '',
});

/**
 * A database of its own for one test file: a temporary SQLite file, or a fresh schema in the
 * PostgreSQL test database when DATABASE_CLIENT=postgres (or `client` says so).
 */
export const createTestDatabase = async (
  client: 'postgres' | 'sqlite' = usesPostgres() ? 'postgres' : 'sqlite',
): Promise<Database> => {
  const suffix = randomBytes(4).toString('hex');
  if (client === 'postgres') {
    const schema = `alwrity_test_${suffix}`;
    const client = new Client(pgConfig());
    await client.connect();
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.end();
    const config = pgConfig();
    return {
      env: {
        DATABASE_CLIENT: 'postgres',
        DATABASE_HOST: config.host,
        DATABASE_PORT: String(config.port),
        DATABASE_NAME: config.database,
        DATABASE_USERNAME: config.user,
        DATABASE_PASSWORD: config.password,
        DATABASE_SCHEMA: schema,
      },
      async drop() {
        const admin = new Client(pgConfig());
        await admin.connect();
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await admin.end();
      },
    };
  }
  const file = path.join(tmpdir(), `alwrity-test-${process.pid}-${suffix}.db`);
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
    async drop() {
      for (const extra of ['', '-wal', '-shm', '-journal'])
        rmSync(`${file}${extra}`, { force: true });
    },
  };
};

/** Boots the playground Strapi in this process with the given environment; no HTTP port is opened. */
export const bootStrapi = async (env: Record<string, string | undefined>): Promise<Core.Strapi> => {
  for (const [key, value] of Object.entries({
    PLAYGROUND_SEED: 'false',
    NODE_ENV: 'test',
    ...env,
  })) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  const strapi = createStrapi({ appDir: PLAYGROUND_DIR, distDir: PLAYGROUND_DIR });
  strapi.log.level = process.env.STRAPI_LOG_LEVEL ?? 'error';
  await strapi.load();
  await strapi.server.mount();
  return strapi;
};

export const login = async (strapi: Core.Strapi, email: string) => {
  const response = await request(strapi.server.httpServer)
    .post('/admin/login')
    .send({ email, password: PASSWORD })
    .expect(200);
  return response.body.data.token as string;
};

/**
 * Creates (first boot) or logs in again (later boots) the test users: a super admin, an Editor,
 * an Author and a user whose role holds no permission at all.
 */
export const setUpUsers = async (
  strapi: Core.Strapi,
): Promise<Pick<TestApp, 'tokens' | 'users'>> => {
  const userService = strapi.service('admin::user');
  const roleService = strapi.service('admin::role');
  const emails: Record<Role, string> = {
    superAdmin: 'super@test.local',
    editor: 'editor@test.local',
    author: 'author@test.local',
    noRole: 'nobody@test.local',
  };
  if (!(await userService.exists())) {
    await request(strapi.server.httpServer)
      .post('/admin/register-admin')
      .send({ email: emails.superAdmin, password: PASSWORD, firstname: 'Super', lastname: 'Admin' })
      .expect(200);
    const nothing = await roleService.create({
      name: 'No permissions',
      description: 'Holds nothing',
    });
    const roleIds = {
      editor: (await roleService.findOne({ code: 'strapi-editor' })).id,
      author: (await roleService.findOne({ code: 'strapi-author' })).id,
      noRole: nothing.id,
    };
    for (const role of ['editor', 'author', 'noRole'] as const) {
      await userService.create({
        email: emails[role],
        firstname: role,
        lastname: 'Tester',
        password: PASSWORD,
        isActive: true,
        registrationToken: null,
        roles: [roleIds[role]],
      });
    }
  }
  const tokens = {} as Record<Role, string>;
  const users = {} as Record<Role, { id: number; email: string }>;
  for (const role of Object.keys(emails) as Role[]) {
    tokens[role] = await login(strapi, emails[role]);
    const user = await strapi.db.query('admin::user').findOne({ where: { email: emails[role] } });
    users[role] = { id: user.id, email: emails[role] };
  }
  return { tokens, users };
};

/** One more admin user, in an existing role (by code) or a new role holding exactly `permissions`. */
export const createUser = async (
  strapi: Core.Strapi,
  name: string,
  role:
    | { code: string }
    | {
        permissions: {
          action: string;
          subject?: string;
          properties?: Record<string, unknown>;
          conditions?: string[];
        }[];
      },
): Promise<{ id: number; token: string }> => {
  const roleService = strapi.service('admin::role');
  let roleId: number;
  if ('code' in role) {
    roleId = (await roleService.findOne({ code: role.code })).id;
  } else {
    roleId = (await roleService.create({ name: `Role ${name}`, description: name })).id;
    await roleService.addPermissions(
      roleId,
      role.permissions.map(({ conditions = [], ...permission }) => ({ ...permission, conditions })),
    );
  }
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@test.local`;
  const user = await strapi.service('admin::user').create({
    email,
    firstname: name,
    lastname: 'Tester',
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [roleId],
  });
  return { id: user.id, token: await login(strapi, email) };
};

export const testApp = async (strapi: Core.Strapi): Promise<TestApp> => {
  const { tokens, users } = await setUpUsers(strapi);
  const http = () => request.agent(strapi.server.httpServer);
  return {
    strapi,
    http,
    tokens,
    users,
    as(role) {
      const auth = { Authorization: `Bearer ${tokens[role]}` };
      return {
        get: (url) => http().get(url).set(auth),
        delete: (url) => http().delete(url).set(auth),
        post: (url, body) =>
          http()
            .post(url)
            .set(auth)
            .send(body ?? {}),
        put: (url, body) =>
          http()
            .put(url)
            .set(auth)
            .send(body ?? {}),
      };
    },
  };
};
