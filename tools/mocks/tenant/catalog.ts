import type { Random } from './random.js';

export interface TenantUser {
  /** Entra object id. */
  objectId: string;
  upn: string;
  displayName: string;
  /** Relative activity: a few people launch a lot, most launch a little. */
  weight: number;
}

export interface TenantEnvironment {
  /** Environment name as Power Platform writes it: `Default-<tenant>` or a GUID. */
  name: string;
  displayName: string;
}

export interface TenantApp {
  /** The canvas app's GUID: `AppName` on legacy records, `power_app.id` on current ones. */
  id: string;
  displayName: string;
  environment: TenantEnvironment;
  owner: TenantUser;
  /** Relative popularity. */
  weight: number;
}

export interface TenantCatalog {
  users: TenantUser[];
  environments: TenantEnvironment[];
  apps: TenantApp[];
}

const FIRST = ['Ada', 'Ben', 'Chloe', 'Dev', 'Elif', 'Femi', 'Gus', 'Hana', 'Ivo', 'Jia', 'Kofi', 'Lena', 'Mo', 'Nia', 'Omar', 'Pia', 'Quinn', 'Rui', 'Sara', 'Teo'];
const LAST = ['Adams', 'Berg', 'Costa', 'Diaz', 'Eze', 'Fox', 'Gill', 'Ho', 'Ito', 'Jain', 'Kim', 'Lund', 'Meyer', 'Novak', 'Ortiz', 'Park', 'Quist', 'Rossi', 'Sato', 'Tan'];
const APP_WORDS = ['Expense', 'Leave', 'Asset', 'Visitor', 'Inspection', 'Timesheet', 'Onboarding', 'Room', 'Incident', 'Travel', 'Order', 'Survey'];
const APP_KINDS = ['Tracker', 'Request', 'Manager', 'Portal', 'Checklist', 'Hub', 'Log', 'Planner'];

/** Builds users, environments and apps of a tenant from its seeded random source. */
export function buildCatalog(random: Random, tenantId: string, domain: string, counts: { users: number; apps: number; environments: number }): TenantCatalog {
  const users: TenantUser[] = [];
  for (let i = 0; i < counts.users; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length + i * 7) % LAST.length]!;
    const suffix = i < FIRST.length ? '' : String(Math.floor(i / FIRST.length));
    users.push({
      objectId: random.guid(),
      upn: `${first}.${last}${suffix}@${domain}`.toLowerCase(),
      displayName: `${first} ${last}`,
      // Zipf-like: user k launches about 1/(k+1)^0.8 as often as the busiest.
      weight: 1 / Math.pow(i + 1, 0.8),
    });
  }
  const environments: TenantEnvironment[] = [{ name: `Default-${tenantId}`, displayName: 'Default' }];
  for (let i = 1; i < counts.environments; i++) environments.push({ name: random.guid(), displayName: ['Sales', 'Operations', 'HR', 'Finance', 'CoE'][(i - 1) % 5]! + (i > 5 ? ` ${i}` : '') });
  const apps: TenantApp[] = [];
  for (let i = 0; i < counts.apps; i++) {
    apps.push({
      id: random.guid(),
      displayName: `${APP_WORDS[i % APP_WORDS.length]} ${APP_KINDS[(i * 3) % APP_KINDS.length]}${i >= APP_WORDS.length ? ` ${Math.floor(i / APP_WORDS.length) + 1}` : ''}`,
      environment: environments[i % environments.length]!,
      owner: users.length > 0 ? users[random.int(0, users.length - 1)]! : { objectId: random.guid(), upn: `owner@${domain}`, displayName: 'Owner', weight: 1 },
      weight: 1 / Math.pow(i + 1, 1.1),
    });
  }
  return { users, environments, apps };
}

/** Picks an item with probability proportional to its weight. */
export function pickWeighted<T extends { weight: number }>(random: Random, items: readonly T[], total = items.reduce((s, i) => s + i.weight, 0)): T {
  let target = random.next() * total;
  for (const item of items) {
    target -= item.weight;
    if (target < 0) return item;
  }
  return items[items.length - 1]!;
}
