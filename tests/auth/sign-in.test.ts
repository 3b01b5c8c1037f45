// Sign-in: argon2id hashes, generic error for wrong e-mail or password, and throttling of failures.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { authenticate, INVALID_CREDENTIALS } from "@/core/auth/options";
import { hashPassword, verifyPassword } from "@/core/auth/password";
import { LOGIN_RATE_LIMIT } from "@/core/auth/rate-limit";
import { rootDb } from "@/core/db/client";
import { createOrganization, TEST_PASSWORD } from "../helpers/fixtures";

const ip = () => `10.9.${crypto.randomInt(255)}.${crypto.randomInt(255)}`;

describe("password hashing", () => {
  it("uses argon2id and verifies only the right password", async () => {
    const h = await hashPassword("s3cret!");
    expect(h.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(h, "s3cret!")).toBe(true);
    expect(await verifyPassword(h, "S3cret!")).toBe(false);
    expect(await verifyPassword("not-a-hash", "s3cret!")).toBe(false);
  });
});

describe("authenticate", () => {
  it("signs in with the right password, case-insensitive e-mail", async () => {
    const { members } = await createOrganization();
    const user = await authenticate(members.staff.email.toUpperCase(), TEST_PASSWORD, ip());
    expect(user.id).toBe(members.staff.id);
  });

  it("gives the same error for an unknown e-mail and a wrong password", async () => {
    const { members } = await createOrganization();
    await expect(authenticate(members.staff.email, "wrong", ip())).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(authenticate("nobody@nowhere.test", TEST_PASSWORD, ip())).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(authenticate("not an email", TEST_PASSWORD, ip())).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(authenticate(members.staff.email, "wrong", ip(), "es")).rejects.toThrow("Correo o contraseña incorrectos.");
  });

  it(`locks an e-mail after ${LOGIN_RATE_LIMIT.maxFailures} failures, even with the right password`, async () => {
    const { members } = await createOrganization();
    for (let i = 0; i < LOGIN_RATE_LIMIT.maxFailures; i++) {
      await expect(authenticate(members.admin.email, `wrong-${i}`, ip())).rejects.toThrow(INVALID_CREDENTIALS);
    }
    await expect(authenticate(members.admin.email, TEST_PASSWORD, ip())).rejects.toThrow(/Too many failed sign-in attempts\. Try again in 15 minutes\./);
    // A login page in Spanish (the browser's Accept-Language) says so in Spanish.
    await expect(authenticate(members.admin.email, TEST_PASSWORD, ip(), "es")).rejects.toThrow("Demasiados intentos fallidos de inicio de sesión. Inténtalo de nuevo dentro de 15 minutos.");
    // Other accounts are unaffected.
    await expect(authenticate(members.viewer.email, TEST_PASSWORD, ip())).resolves.toMatchObject({ id: members.viewer.id });
  });

  it(`locks an IP address after ${LOGIN_RATE_LIMIT.maxFailuresPerIp} failures across e-mails`, async () => {
    const { members } = await createOrganization();
    const attacker = ip();
    for (let i = 0; i < LOGIN_RATE_LIMIT.maxFailuresPerIp; i++) {
      await expect(authenticate(`guess${i}@nowhere.test`, "x", attacker)).rejects.toThrow(INVALID_CREDENTIALS);
    }
    await expect(authenticate(members.owner.email, TEST_PASSWORD, attacker)).rejects.toThrow(/Too many failed sign-in attempts/);
    await expect(authenticate(members.owner.email, TEST_PASSWORD, ip())).resolves.toMatchObject({ id: members.owner.id });
  });

  it("lifts the lock when the failures leave the 15-minute window", async () => {
    const { members } = await createOrganization();
    const old = new Date(Date.now() - 16 * 60_000);
    await rootDb().loginAttempt.createMany({
      data: Array.from({ length: LOGIN_RATE_LIMIT.maxFailures }, () => ({ email: members.staff.email, ip: "10.0.0.1", succeeded: false, createdAt: old })),
    });
    await expect(authenticate(members.staff.email, TEST_PASSWORD, ip())).resolves.toMatchObject({ id: members.staff.id });
  });
});
