import { splitHostPort, toTarget } from './target';

describe('toTarget', () => {
  it('keeps a single address as given (DNS may still return several hosts)', () => {
    expect(toTarget(['user-service:50052'])).toBe('user-service:50052');
  });
  it('turns several IPv4 addresses into one ipv4: target for round-robin', () => {
    expect(toTarget(['127.0.0.1:1', ' 127.0.0.2:2 '])).toBe('ipv4:127.0.0.1:1,127.0.0.2:2');
  });
  it('supports IPv6 literals', () => {
    expect(toTarget(['[::1]:1', '[::1]:2'])).toBe('ipv6:[::1]:1,[::1]:2');
  });
  it('refuses a list of names, mixed families and an empty list', () => {
    expect(() => toTarget(['a:1', 'b:2'])).toThrow(TypeError);
    expect(() => toTarget(['127.0.0.1:1', '[::1]:2'])).toThrow(TypeError);
    expect(() => toTarget(['', ' '])).toThrow(TypeError);
  });
  it('rejects ports out of range', () => {
    expect(() => splitHostPort('h:70000')).toThrow(TypeError);
    expect(splitHostPort('h:80')).toEqual({ host: 'h', port: 80 });
  });
});
