// Tokens must verify with another standard JWT implementation, not only jose: PyJWT's PyJWKClient
// fetches our HTTP JWKS and jwt.decode checks signature, aud, iss and exp.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { login, PASSWORDS, startTestAuth, type TestAuth } from './testing/harness';

const PYTHON = '/usr/bin/python3';

function hasPyJwt(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import jwt'], {
      stdio: 'ignore',
      timeout: 10_000,
      killSignal: 'SIGKILL',
    });
    return true;
  } catch {
    return false;
  }
}

const available = hasPyJwt();
if (!available && process.env.CI === 'true') {
  throw new Error(`PyJWT is required in CI: apt-get install python3-jwt (for ${PYTHON})`);
}
const itWithPyJwt = available ? it : it.skip;

const SCRIPT = `
import json, os, sys, jwt
client = jwt.PyJWKClient(os.environ["JWKS_URL"])
token = os.environ["TOKEN"]
key = client.get_signing_key_from_jwt(token)
claims = jwt.decode(token, key.key, algorithms=[os.environ["ALG"]], audience=os.environ["AUD"], issuer=os.environ["ISS"])
print(json.dumps({"kid": key.key_id, "claims": claims}))
`;

async function pyVerify(auth: TestAuth, token: string, alg: string, aud = 'order-service') {
  const { stdout } = await promisify(execFile)(PYTHON, ['-c', SCRIPT], {
    env: {
      JWKS_URL: auth.running.http.jwksUrl,
      TOKEN: token,
      ALG: alg,
      AUD: aud,
      ISS: auth.config.JWT_ISSUER,
      PATH: '/usr/bin:/bin',
    },
    timeout: 20_000,
    killSignal: 'SIGKILL',
  });
  return JSON.parse(stdout) as { kid: string; claims: Record<string, unknown> };
}

describe.each(['ES256', 'RS256'])('PyJWT interop (%s)', (alg) => {
  let auth: TestAuth;
  beforeAll(async () => {
    auth = await startTestAuth({ env: { JWT_ALG: alg } });
  });
  afterAll(() => auth?.stop());

  itWithPyJwt('PyJWKClient + jwt.decode verify a token minted by Login', async () => {
    const t = await login(auth.client, 'alice', PASSWORDS.alice);
    const out = await pyVerify(auth, t.access_token, alg);
    expect(out.claims).toMatchObject({
      sub: 'usr_alice',
      iss: auth.config.JWT_ISSUER,
      roles: ['customer'],
    });
    expect(out.kid).toBe(
      JSON.parse(Buffer.from(t.access_token.split('.')[0], 'base64url').toString()).kid,
    );
  });

  itWithPyJwt('PyJWT rejects the token for an audience it was not minted for', async () => {
    const t = await login(auth.client, 'alice', PASSWORDS.alice);
    await expect(pyVerify(auth, t.access_token, alg, 'billing-service')).rejects.toThrow(
      /InvalidAudienceError/,
    );
  });
});
