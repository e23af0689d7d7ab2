/**
 * TLS for the room, for organisations that want the LAN traffic encrypted:
 * the certificate named by VAIM_ROOM_TLS_CERT and VAIM_ROOM_TLS_KEY (PEM
 * files), or else a self-signed one generated on request and kept in the
 * data folder (reused while it is valid and covers the current addresses).
 * Participants' browsers warn about a self-signed certificate; the room
 * panel shows its SHA-256 fingerprint so they can compare it.
 */
import { generateKeyPairSync, X509Certificate, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';
import type { RoomTls } from '../../../shared/room';

export type TlsMaterial = { readonly cert: string; readonly key: string; readonly info: RoomTls };

const VALID_DAYS = 365;

/** The certificate to serve the room with. */
export async function roomCertificate(dataDir: string, addresses: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<TlsMaterial> {
  const certPath = env['VAIM_ROOM_TLS_CERT'];
  const keyPath = env['VAIM_ROOM_TLS_KEY'];
  if (certPath && keyPath) {
    const [cert, key] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
    return { cert, key, info: { fingerprint: new X509Certificate(cert).fingerprint256, selfSigned: false } };
  }
  const dir = join(dataDir, 'room-tls');
  const stored = await readStored(dir);
  if (stored && usable(stored.cert, addresses)) return stored;
  const fresh = selfSigned(addresses);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'key.pem'), fresh.key, { mode: 0o600 });
  await writeFile(join(dir, 'cert.pem'), fresh.cert);
  return fresh;
}

async function readStored(dir: string): Promise<TlsMaterial | undefined> {
  try {
    const [cert, key] = await Promise.all([readFile(join(dir, 'cert.pem'), 'utf8'), readFile(join(dir, 'key.pem'), 'utf8')]);
    return { cert, key, info: { fingerprint: new X509Certificate(cert).fingerprint256, selfSigned: true } };
  } catch {
    return undefined;
  }
}

/** Valid for at least another day and naming every address participants will use. */
function usable(pem: string, addresses: readonly string[]): boolean {
  try {
    const cert = new X509Certificate(pem);
    const names = cert.subjectAltName ?? '';
    return new Date(cert.validTo).getTime() - Date.now() > 24 * 3600 * 1000 && addresses.every((ip) => names.includes(`IP Address:${ip}`));
  } catch {
    return false;
  }
}

/** A self-signed certificate for the given IP addresses (RSA 2048, SHA-256). */
export function selfSigned(addresses: readonly string[], now: Date = new Date()): TlsMaterial {
  // Node's key generation is native and fast; node-forge builds and signs the certificate.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + VALID_DAYS * 24 * 3600 * 1000);
  const subject = [{ name: 'commonName', value: 'V-AIM Command Trainer room' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [...addresses.map((ip) => ({ type: 7, ip })), { type: 2, value: 'localhost' }] },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  return { cert: certPem, key: keyPem, info: { fingerprint: new X509Certificate(certPem).fingerprint256, selfSigned: true } };
}
