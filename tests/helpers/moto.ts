// A real S3 API server for tests: moto_server (Python, preinstalled on this machine kind; `pip install
// "moto[server]"` elsewhere) on a free loopback port, with an empty bucket. The app talks to it through
// the AWS SDK exactly as it would to AWS S3 or MinIO (path-style URLs). Without moto_server the test
// fails at once and says how to install it: S3 storage is never left untested.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { freePort } from "@/scripts/lib/free-port";
import { stopChild } from "@/scripts/lib/stop-child";
import { waitFor } from "./wait";

export type MotoS3 = { endpoint: string; bucket: string; env: Record<string, string>; client: S3Client; stop: () => Promise<void> };

export async function startMotoS3(bucket = "ritiko-test"): Promise<MotoS3> {
  if (spawnSync("sh", ["-c", "command -v moto_server"], { stdio: "ignore" }).status !== 0) {
    throw new Error('moto_server is not installed (a real S3 API server for the S3 tests): pip install "moto[server]"');
  }
  const port = await freePort();
  const child: ChildProcess = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-2000)));
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`moto_server on ${endpoint}`, async () => {
      if (child.exitCode !== null) throw new Error(`moto_server exited (${child.exitCode}): ${stderr}`);
      return (await fetch(`${endpoint}/moto-api/`).catch(() => null))?.ok;
    }, 30_000);
  } catch (err) {
    child.kill("SIGKILL");
    throw err;
  }
  const env = { S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: "test-access-key", S3_SECRET_ACCESS_KEY: "test-secret-key", S3_REGION: "us-east-1" };
  const client = new S3Client({ endpoint, region: env.S3_REGION, forcePathStyle: true, credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    endpoint,
    bucket,
    env,
    client,
    stop: async () => {
      client.destroy();
      await stopChild(child, 5_000);
    },
  };
}
