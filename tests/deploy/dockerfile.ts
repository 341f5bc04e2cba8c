// A small Dockerfile reader: enough to check the instructions our images rely on.

export interface Instruction {
  /** Upper-case keyword: FROM, RUN, ENV, … */
  keyword: string;
  args: string;
  /** Index of the build stage (FROM opens a new one). */
  stage: number;
}

export interface Dockerfile {
  instructions: Instruction[];
  /** Default values of ARGs declared before the first FROM. */
  globalArgs: Record<string, string>;
  /** Stage names (`FROM … AS name`) by index; unnamed stages are `undefined`. */
  stageNames: (string | undefined)[];
}

/** Joins `\` continuations, drops comments and blank lines. */
export function parseDockerfile(text: string): Dockerfile {
  const logical: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#') || trimmed === '') {
      continue;
    }
    if (trimmed.endsWith('\\')) {
      current += `${trimmed.slice(0, -1)} `;
      continue;
    }
    logical.push(current + trimmed);
    current = '';
  }
  if (current.trim()) logical.push(current.trim());

  const instructions: Instruction[] = [];
  const globalArgs: Record<string, string> = {};
  const stageNames: (string | undefined)[] = [];
  let stage = -1;
  for (const line of logical) {
    const m = /^(\S+)\s*(.*)$/.exec(line)!;
    const keyword = m[1].toUpperCase();
    const args = m[2].replace(/\s+/g, ' ').trim();
    if (keyword === 'FROM') {
      stage += 1;
      stageNames.push(/\sAS\s+(\S+)$/i.exec(args)?.[1]);
    }
    if (keyword === 'ARG' && stage === -1) {
      const [name, ...value] = args.split('=');
      globalArgs[name] = value.join('=');
    }
    instructions.push({ keyword, args, stage });
  }
  return { instructions, globalArgs, stageNames };
}

/** `KEY=value KEY2=value2` (also the legacy `KEY value` form) → pairs. */
export function parseEnvArgs(args: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!args.includes('=')) {
    const [k, ...rest] = args.split(' ');
    out[k] = rest.join(' ');
    return out;
  }
  for (const m of args.matchAll(/(\w+)=("([^"]*)"|\S*)/g)) out[m[1]] = m[3] ?? m[2];
  return out;
}

/** The instructions of the last (runtime) stage. */
export function finalStage(df: Dockerfile): Instruction[] {
  const last = df.stageNames.length - 1;
  return df.instructions.filter((i) => i.stage === last);
}

/** Everything the final stage sets with ENV. */
export function runtimeEnv(df: Dockerfile): Record<string, string> {
  return Object.assign(
    {},
    ...finalStage(df)
      .filter((i) => i.keyword === 'ENV')
      .map((i) => parseEnvArgs(i.args)),
  );
}

/**
 * The Dockerfile with the lines that may differ between services removed: the two header comment
 * lines and each instruction that follows a `# per service` comment.
 */
export function sharedPattern(text: string): string {
  const lines = text.split('\n').slice(2);
  const out: string[] = [];
  let skipping = false;
  for (const line of lines) {
    if (/^#\s*per service/.test(line.trim())) {
      skipping = true;
      continue;
    }
    if (skipping) {
      if (!line.trimEnd().endsWith('\\')) skipping = false;
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}
