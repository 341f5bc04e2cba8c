export { defineConfig } from './define-config';
export { commonSchema, LOG_LEVELS } from './common-schema';
export type { LogLevel } from './common-schema';
export { ConfigError, loadConfig } from './load-config';
export { CONFIG_EXIT_CODE, loadConfigOrExit } from './exit-on-invalid';
export type { ExitDeps } from './exit-on-invalid';
export { PRINT_SCHEMA_FLAG, describeSchema, printSchemaAndExitIfAsked } from './print-schema';
export { unknownVariables } from './unknown-variables';
export type * from './schema-types';
