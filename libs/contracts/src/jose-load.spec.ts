// jose 6 is ESM-only; this proves the shared jest preset transforms it.
import { SignJWT, generateKeyPair, jwtVerify } from 'jose';

it('jest can load and run jose', async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwt = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
  const { payload } = await jwtVerify(jwt, publicKey, { algorithms: ['ES256'] });
  expect(payload.sub).toBe('x');
});
