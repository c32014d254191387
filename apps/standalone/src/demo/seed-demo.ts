import { RightType, UseType, WorkCategory } from '#libs/contracts';
import type { DemoAccount } from '../../../identity/src/demo/demo-accounts.js';
import { clientCredentialsToken, operatorClientToken, TokenRefusal } from '../issuer-client.js';
import {
  DEMO_HOLDERS,
  DEMO_PLATFORM_NAME,
  DEMO_SOCIETY_NAME,
  demoWorks,
} from './demo-catalogue.js';
import { demoClients } from './demo-clients.js';
import { keepDemo, seededDemo, type DemoParties } from './demo-parties.js';

export type { DemoParties };

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

/**
 * Seeds a demo through the public API, as the operator would (with an operator access token
 * of the issuer): a society with an ECL scheme per category, members and non-members, a
 * platform and about fifty works of every category. The parties are kept in
 * DATA_DIR/demo.json, so later starts do not seed again.
 */
export async function seedDemo(
  gatewayUrl: string,
  operatorToken: string,
  dataDir: string,
): Promise<DemoParties> {
  const operator = new DemoClient(gatewayUrl, operatorToken);
  const register = async (input: Record<string, unknown>) =>
    (
      await operator.call<{ registerParty: { id: string } }>(
        'mutation ($input: RegisterPartyInput!) { registerParty(input: $input) { id } }',
        { input },
      )
    ).registerParty.id;
  const societyId = await register({ kind: 'SOCIETY', name: DEMO_SOCIETY_NAME });
  const platformId = await register({ kind: 'PLATFORM', name: DEMO_PLATFORM_NAME });
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
  await keepDemo(dataDir, parties);
  return parties;
}

/**
 * The demo of this installation: seeded through the gateway the first time (kept in
 * DATA_DIR/demo.json), then the same parties; returns what to print for a newcomer. With
 * `accountsOf` (the standalone system, which reaches the identity database), the demo's people
 * get accounts, printed with their passwords the one time they are made; otherwise (the CLI
 * against a running system) the banner lists tokens of the issuer by client credentials: the
 * operator's client, and the demo's machine clients that the launcher registers once the demo
 * is seeded (`whenSeeded` lets the launcher register them at once, by restarting the identity
 * app).
 */
export async function ensureDemo(
  gatewayUrl: string,
  issuer: URL,
  dataDir: string,
  whenSeeded?: () => Promise<void>,
  accountsOf?: (parties: DemoParties) => Promise<DemoAccount[]>,
): Promise<string> {
  let parties = await seededDemo(dataDir);
  if (!parties) {
    parties = await seedDemo(gatewayUrl, await operatorClientToken(issuer, dataDir), dataDir);
    await whenSeeded?.();
  }
  if (accountsOf) {
    return demoAccountsBanner(gatewayUrl, issuer, parties, await accountsOf(parties));
  }
  return demoBanner(gatewayUrl, issuer, dataDir, parties);
}

/** Operations a newcomer can paste, as each kind of caller. */
function tryLines(gatewayUrl: string, parties: DemoParties): string[] {
  const nonMember = parties.holders.tanaka!;
  return [
    'Try (POST the JSON to ' + `${gatewayUrl}/graphql):`,
    '  anyone:    { searchWorks(query: "夜明け") { id title category identifiers { scheme value } } }',
    '  platform:  mutation { requestUse(input: { idempotencyKey: "try-1", items: [{ title: "Night Drive", category: MUSIC, useType: STREAM, territory: "JP", from: "2026-12-01", to: "2027-01-01", expectedQuantity: 1000 }] }) { items { decision reason price { amountMinor currency } } } }',
    `  holder:    mutation { registerOptOut(input: { holderId: "${nonMember}", scope: ALL_WORKS }) { id confirmation } }`,
    'The whole story (scheme, works, licenses, an opt-out, usage, royalties) step by step: README.md, "Walkthrough".',
  ];
}

/**
 * What `npm start` prints for a newcomer: the demo's accounts (a password only the time it is
 * made: it is kept nowhere), where to sign in, and how to get a token for scripts.
 */
export function demoAccountsBanner(
  gatewayUrl: string,
  issuer: URL,
  parties: DemoParties,
  accounts: readonly DemoAccount[],
): string {
  const fresh = accounts.some((account) => account.password);
  const lines = accounts.map((account) => {
    const who = `${account.role}${account.partyName ? ` (${account.partyName})` : ''}`;
    const password = account.password ?? '(printed when it was made)';
    return `  ${account.email.padEnd(26)} ${password.padEnd(26)} ${who}`;
  });
  return [
    `Demo data is loaded (a society, members and non-members, a platform, ${demoWorks().length} works, a scheme per category).`,
    fresh
      ? 'Demo accounts, one per role. The passwords are shown this once and kept nowhere; note them:'
      : 'Demo accounts, one per role (forgotten a password? "Forgot your password?" on the sign-in page; the mail is written to DATA_DIR/mail):',
    ...lines,
    `Sign in: ${new URL('/account', gatewayUrl).href}   (OpenID issuer: ${issuer.href})`,
    'A token for scripts, as one of them: npm run cli -- login, then npm run -s cli -- token --person',
    '(machine tokens of the demo parties: npm run -s cli -- token [--role ROLE --party ID], with this DATA_DIR).',
    ...tryLines(gatewayUrl, parties),
  ].join('\n');
}

/** What to print for a newcomer: tokens of each role and three operations to paste. */
export async function demoBanner(
  gatewayUrl: string,
  issuer: URL,
  dataDir: string,
  parties: DemoParties,
): Promise<string> {
  const tokenLine = async (name: string, token: () => Promise<string>, label = '') => {
    try {
      return `  ${name.padEnd(14)} ${await token()}${label ? `   ${label}` : ''}`;
    } catch (error) {
      if (!(error instanceof TokenRefusal)) throw error;
      return `  ${name.padEnd(14)} (none: ${error.message})`;
    }
  };
  const lines = [await tokenLine('OPERATOR', () => operatorClientToken(issuer, dataDir))];
  for (const client of await demoClients(dataDir)) {
    lines.push(
      await tokenLine(
        client.role,
        () =>
          clientCredentialsToken(
            issuer,
            { id: client.clientId, secret: client.secret },
            'the running identity app does not know the demo clients yet: restart the system with this DATA_DIR',
          ),
        client.label,
      ),
    );
  }
  return [
    `Demo data is loaded (a society, members and non-members, a platform, ${demoWorks().length} works, a scheme per category).`,
    'Demo tokens of the identity provider, for ten minutes (send as "Authorization: Bearer <token>";',
    'new ones: npm run -s cli -- token [--role ROLE --party ID], with this DATA_DIR):',
    ...lines,
    ...tryLines(gatewayUrl, parties),
  ].join('\n');
}
