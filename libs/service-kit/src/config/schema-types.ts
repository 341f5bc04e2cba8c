/** A string-valued variable: `path` and `url` are strings with extra checks. */
export interface StringVar {
  type: 'string' | 'path' | 'url';
  default?: string;
  required?: boolean;
  /** Never printed: not in problems, not in `--print-config-schema`. */
  secret?: boolean;
  /** For `url` only; default `['http:', 'https:']`. */
  protocols?: readonly string[];
  description: string;
}

export interface IntVar {
  type: 'int';
  default?: number;
  min?: number;
  max?: number;
  required?: boolean;
  description: string;
}

/** 0..65535; `0` asks the OS for any free port. */
export interface PortVar {
  type: 'port';
  default?: number;
  required?: boolean;
  description: string;
}

export interface EnumVar {
  type: 'enum';
  values: readonly string[];
  default?: string;
  required?: boolean;
  description: string;
}

/** Comma separated; blanks around items are trimmed, empty items dropped. */
export interface ListVar {
  type: 'list';
  default?: readonly string[];
  required?: boolean;
  description: string;
}

/** `true|false|1|0|yes|no|on|off` (any case); absent without default means `false`. */
export interface BoolVar {
  type: 'bool';
  default?: boolean;
  description: string;
}

/** How one environment variable is read and checked. */
export type VarSpec = StringVar | IntVar | PortVar | EnumVar | ListVar | BoolVar;

/** One schema per service; the keys are the environment variable names. */
export type ConfigSchema = Readonly<Record<string, VarSpec>>;

/** A variable without default that is not required may be absent. */
type Present<S, T> = S extends { default: unknown } | { required: true } ? T : T | undefined;

/** The value type `loadConfig` produces for one variable. */
export type ValueOf<S extends VarSpec> = S extends { type: 'int' | 'port' }
  ? Present<S, number>
  : S extends { type: 'bool' }
    ? boolean
    : S extends { type: 'list' }
      ? readonly string[]
      : S extends { type: 'enum'; values: readonly (infer V)[] }
        ? Present<S, V>
        : Present<S, string>;

/** The frozen, typed result of `loadConfig(schema, env)`. */
export type ConfigValues<S extends ConfigSchema> = {
  readonly [K in keyof S]: ValueOf<S[K]>;
};

/** What `process.env` looks like, without depending on it. */
export type EnvLike = Readonly<Record<string, string | undefined>>;
