// Demo data: two organizations, one user per role in each (plus one user in both, to show switching),
// 200 patients and 400 appointments per organization. Deterministic (seeded PRNG), and idempotent:
// organizations and users are upserted, patients/appointments are only added to an empty organization.
import { createPrismaClient } from "../../core/db/client";
import { hashPassword } from "../../core/auth/password";
import type { Role } from "../../core/db/generated/enums";

export const DEMO_PASSWORD = "ritiko-demo";

export const DEMO_ORGS = [
  { slug: "acme", name: "Acme Family Clinic", timezone: "America/New_York", currency: "USD" },
  { slug: "birch", name: "Birch Street Health", timezone: "Europe/London", currency: "GBP" },
] as const;

const ROLE_NAMES: Record<Role, string> = { owner: "Olivia Owner", admin: "Adam Admin", staff: "Sam Staff", viewer: "Vera Viewer" };
const FIRST = ["Liam", "Emma", "Noah", "Olivia", "Aarav", "Mia", "Lucas", "Sofia", "Mateo", "Amara", "Yusuf", "Chloé", "Hiroshi", "Zoë", "Kwame", "Ingrid", "Diego", "Priya", "Jonas", "Fatima", "Wei", "Nadia", "Oscar", "Leila"];
const LAST = ["Smith", "García", "Nguyen", "Müller", "Okafor", "Johansson", "Kowalski", "Rossi", "Tanaka", "Haddad", "O'Brien", "Patel", "Dubois", "Novak", "Silva", "Kim", "Andersen", "Ivanova", "Mensah", "Cohen"];
const STREETS = ["Maple Ave", "High Street", "Oak Lane", "Cedar Road", "Station Road", "Elm Street", "Park View"];
const PROVIDERS = ["Dr. Amelia Hart", "Dr. Rahul Mehta", "Dr. Sofia Alvarez", "NP Kim Lee"];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoEmail(orgSlug: string, role: Role) {
  return `${role}@${orgSlug}.test`;
}
export const MULTI_ORG_EMAIL = "alex@ritiko.test";

export async function seedDemoData(databaseUrl: string, opts: { patients?: number; appointments?: number } = {}) {
  const db = createPrismaClient(databaseUrl);
  const patientsPerOrg = opts.patients ?? 200;
  const appointmentsPerOrg = opts.appointments ?? 400;
  try {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const orgIds: string[] = [];
    for (const [i, o] of DEMO_ORGS.entries()) {
      const org = await db.organization.upsert({ where: { slug: o.slug }, update: {}, create: { ...o } });
      orgIds.push(org.id);
      for (const role of ["owner", "admin", "staff", "viewer"] as const) {
        const email = demoEmail(o.slug, role);
        const user = await db.user.upsert({ where: { email }, update: {}, create: { email, name: ROLE_NAMES[role], passwordHash } });
        await db.membership.upsert({
          where: { organizationId_userId: { organizationId: org.id, userId: user.id } },
          update: {},
          create: { organizationId: org.id, userId: user.id, role },
        });
      }
      if ((await db.patient.count({ where: { organizationId: org.id } })) === 0) {
        await seedRecords(db, org.id, o.slug, i + 1, patientsPerOrg, appointmentsPerOrg);
      }
    }
    const alex = await db.user.upsert({ where: { email: MULTI_ORG_EMAIL }, update: {}, create: { email: MULTI_ORG_EMAIL, name: "Alex Rivera", passwordHash } });
    for (const [i, organizationId] of orgIds.entries()) {
      await db.membership.upsert({
        where: { organizationId_userId: { organizationId, userId: alex.id } },
        update: {},
        create: { organizationId, userId: alex.id, role: i === 0 ? "admin" : "staff" },
      });
    }
    process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: "info", msg: "demo data seeded", organizations: orgIds.length })}\n`);
  } finally {
    await db.$disconnect();
  }
}

type Db = ReturnType<typeof createPrismaClient>;

async function seedRecords(db: Db, organizationId: string, slug: string, seed: number, nPatients: number, nAppointments: number) {
  const rnd = prng(seed * 7919);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const patients = Array.from({ length: nPatients }, (_, i) => {
    const firstName = pick(FIRST);
    const lastName = pick(LAST);
    const dob = new Date(Date.UTC(1935 + Math.floor(rnd() * 85), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)));
    return {
      id: crypto.randomUUID(),
      organizationId,
      firstName,
      lastName,
      dateOfBirth: dob,
      medicalRecordNumber: `${slug.toUpperCase()}-${String(100001 + i)}`,
      phone: `+1 555 ${String(1000000 + Math.floor(rnd() * 8999999)).slice(0, 3)} ${String(Math.floor(rnd() * 9999)).padStart(4, "0")}`,
      email: rnd() < 0.8 ? `${firstName}.${lastName}${i}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, "") : null,
      address: `${1 + Math.floor(rnd() * 300)} ${pick(STREETS)}`,
      notes: rnd() < 0.2 ? "Prefers morning appointments." : null,
    };
  });
  await db.patient.createMany({ data: patients });

  const now = Date.now();
  const appointments = Array.from({ length: nAppointments }, () => {
    const dayOffset = Math.floor(rnd() * 120) - 60;
    const day = new Date(now + dayOffset * 86_400_000);
    const start = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 13 + Math.floor(rnd() * 8), rnd() < 0.5 ? 0 : 30));
    const past = start.getTime() < now;
    const status = past ? (rnd() < 0.85 ? "completed" : "cancelled") : rnd() < 0.93 ? "scheduled" : "cancelled";
    return {
      organizationId,
      patientId: pick(patients).id,
      startsAt: start,
      endsAt: new Date(start.getTime() + (rnd() < 0.7 ? 30 : 60) * 60_000),
      provider: pick(PROVIDERS),
      status: status as "scheduled" | "completed" | "cancelled",
      notes: rnd() < 0.15 ? "Follow-up visit." : null,
    };
  });
  await db.appointment.createMany({ data: appointments });
}
