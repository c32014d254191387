import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RightType, Role, UseType, WorkCategory } from '#libs/contracts';
import type { Tokens } from '#libs/auth';
import { DEMO_HOLDERS, demoWorks } from './demo-catalogue.js';

export interface DemoParties {
  societyId: string;
  platformId: string;
  holders: Record<string, string>;
}

const SCHEMES: Record<WorkCategory, { rightType: RightType; useTypes: UseType[] }> = {
  [WorkCategory.MUSIC]: {
    rightType: RightType.PERFORMANCE,
    useTypes: [UseType.STREAM, UseType.DOWNLOAD, UseType.SNS_POST, UseType.VIDEO_POST],
  },
  [WorkCategory.FILM]: {
    rightType: RightType.MAKING_AVAILABLE,
    useTypes: [UseType.STREAM, UseType.BROADCAST, UseType.VIDEO_POST],
  },
  [WorkCategory.TV_PROGRAM]: {
    rightType: RightType.MAKING_AVAILABLE,
    useTypes: [UseType.STREAM, UseType.BROADCAST, UseType.VIDEO_POST],
  },
  [WorkCategory.GAME]: {
    rightType: RightType.REPRODUCTION,
    useTypes: [UseType.STREAM, UseType.VIDEO_POST, UseType.SNS_POST],
  },
  [WorkCategory.MANGA]: {
    rightType: RightType.REPRODUCTION,
    useTypes: [UseType.ONLINE_READING, UseType.SNS_POST],
  },
  [WorkCategory.BOOK]: { rightType: RightType.REPRODUCTION, useTypes: [UseType.ONLINE_READING] },
  [WorkCategory.UGC]: {
    rightType: RightType.REPRODUCTION,
    useTypes: [UseType.SNS_POST, UseType.VIDEO_POST, UseType.STREAM],
  },
};

class DemoClient {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async call<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    if (body.errors?.length) {
      const error = new Error(body.errors.map((e) => e.message).join('; '));
      (error as Error & { code?: string }).code = body.errors[0]!.extensions?.code;
      throw error;
    }
    return body.data!;
  }
}

const demoFile = (dataDir: string) => path.join(dataDir, 'demo.json');

/** The demo's parties, when this installation was seeded before. */
export async function seededDemo(dataDir: string): Promise<DemoParties | undefined> {
  const file = demoFile(dataDir);
  return existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as DemoParties) : undefined;
}

/**
 * Seeds a demo through the public API, as the operator would: a society with an ECL scheme per
 * category, members and non-members, a platform and about fifty works of every category. The
 * parties are kept in DATA_DIR/demo.json, so later starts do not seed again.
 */
export async function seedDemo(
  gatewayUrl: string,
  tokens: Tokens,
  dataDir: string,
): Promise<DemoParties> {
  const operator = new DemoClient(
    gatewayUrl,
    await tokens.issue(
      { role: Role.OPERATOR, partyId: '00000000-0000-0000-0000-000000000000' },
      3600,
    ),
  );
  const register = async (input: Record<string, unknown>) =>
    (
      await operator.call<{ registerParty: { id: string } }>(
        'mutation ($input: RegisterPartyInput!) { registerParty(input: $input) { id } }',
        { input },
      )
    ).registerParty.id;
  const societyId = await register({ kind: 'SOCIETY', name: '日本著作物管理協会 (Demo Society)' });
  const platformId = await register({ kind: 'PLATFORM', name: 'Demo Video Platform' });
  const holders: Record<string, string> = {};
  for (const holder of DEMO_HOLDERS) {
    holders[holder.key] = await register({
      kind: 'RIGHT_HOLDER',
      name: holder.name,
      country: 'JP',
      ...(holder.member ? { memberOfSocietyId: societyId } : {}),
    });
  }
  const works = demoWorks().map((work) => {
    const { rightType } = SCHEMES[work.category];
    const shares =
      work.holders.length === 1
        ? [{ holderId: holders[work.holders[0]!], rightType, shareBps: 10_000 }]
        : [
            { holderId: holders[work.holders[0]!], rightType, shareBps: 6000 },
            { holderId: holders[work.holders[1]!], rightType, shareBps: 4000 },
          ];
    return {
      title: work.title,
      category: work.category,
      identifiers: work.identifier ? [work.identifier] : [],
      shares,
    };
  });
  await operator.call(
    'mutation ($input: RegisterWorksInput!) { registerWorks(input: $input) { id } }',
    { input: { works } },
  );
  for (const [category, { rightType, useTypes }] of Object.entries(SCHEMES)) {
    const input = {
      societyId,
      category,
      useTypes,
      territories: ['WORLD'],
      rightType,
      unitRateMinor: '2',
      currency: 'JPY',
      coversUnidentified: true,
      weights: useTypes.map((useType, index) => ({ useType, weight: index === 0 ? 2 : 1 })),
    };
    // The authorization service learns of the society from the registry's events.
    for (let tries = 0; ; tries += 1) {
      try {
        await operator.call(
          'mutation ($input: CreateEclSchemeInput!) { createEclScheme(input: $input) { id } }',
          { input },
        );
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'NOT_FOUND' || tries > 150) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }
  const parties = { societyId, platformId, holders };
  await writeFile(demoFile(dataDir), `${JSON.stringify(parties, null, 2)}\n`);
  return parties;
}

/**
 * The demo of this installation: seeded through the gateway the first time (kept in
 * DATA_DIR/demo.json), then the same parties; returns what to print for a newcomer.
 */
export async function ensureDemo(
  gatewayUrl: string,
  tokens: Tokens,
  settings: { DATA_DIR: string; AUTH_TOKEN_TTL_SECONDS: number },
): Promise<string> {
  const parties =
    (await seededDemo(settings.DATA_DIR)) ??
    (await seedDemo(gatewayUrl, tokens, settings.DATA_DIR));
  return demoBanner(gatewayUrl, tokens, parties, settings.AUTH_TOKEN_TTL_SECONDS);
}

/** What to print for a newcomer: tokens of each role and three operations to paste. */
export async function demoBanner(
  gatewayUrl: string,
  tokens: Tokens,
  parties: DemoParties,
  ttlSeconds: number,
): Promise<string> {
  const token = (role: Role, partyId: string) => tokens.issue({ role, partyId }, ttlSeconds);
  const member = parties.holders.yamada!;
  const nonMember = parties.holders.tanaka!;
  return [
    `Demo data is loaded (a society, members and non-members, a platform, ${demoWorks().length} works, a scheme per category).`,
    'Demo tokens (send as "Authorization: Bearer <token>"):',
    `  OPERATOR       ${await token(Role.OPERATOR, '00000000-0000-0000-0000-000000000000')}`,
    `  SOCIETY_ADMIN  ${await token(Role.SOCIETY_ADMIN, parties.societyId)}`,
    `  RIGHT_HOLDER   ${await token(Role.RIGHT_HOLDER, member)}   (member 山田 花子)`,
    `  RIGHT_HOLDER   ${await token(Role.RIGHT_HOLDER, nonMember)}   (non-member 田中 ゆい)`,
    `  PLATFORM       ${await token(Role.PLATFORM, parties.platformId)}`,
    'Try (POST the JSON to ' + `${gatewayUrl}/graphql):`,
    '  anyone:    { searchWorks(query: "夜明け") { id title category identifiers { scheme value } } }',
    '  platform:  mutation { requestUse(input: { idempotencyKey: "try-1", items: [{ title: "Night Drive", category: MUSIC, useType: STREAM, territory: "JP", from: "2026-12-01", to: "2027-01-01", expectedQuantity: 1000 }] }) { items { decision reason price { amountMinor currency } } } }',
    `  holder:    mutation { registerOptOut(input: { holderId: "${nonMember}", scope: ALL_WORKS }) { id confirmation } }`,
    'The whole story (scheme, works, licenses, an opt-out, usage, royalties) step by step: README.md, "Walkthrough".',
  ].join('\n');
}
