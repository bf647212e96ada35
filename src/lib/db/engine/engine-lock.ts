/**
 * What closes the page's DuckDB to everything outside it, whatever the host sends. A CSP in the
 * page's <meta> tag does not apply to the DuckDB worker: on a host that sends no CSP header,
 * `read_csv('http://…')` reached other sites and `read_json`, `read_parquet` or `AT TIME ZONE`
 * fetched extensions. Once the dataset is in, DuckDB is told to open no file and no URL, to
 * install and load no extension, and to keep its memory within MEMORY_LIMIT; then the
 * configuration is locked, so that no later statement (a console query, an imported file's
 * view) can turn any of it back. duckdb-instance.ts runs this; the unit tests run it on
 * DuckDB-WASM's Node build.
 *
 * One folder stays open: IMPORT_FILES_DIR, where the import registers the buffers it reads (the
 * CSV it wrote itself, a .duckdb file the user chose) for read_csv and ATTACH. Nothing else is
 * ever there, and a name there that is not registered reads as an empty file: DuckDB-WASM's
 * browser file system sends a request only for names that begin with `http` or `s3://`.
 */

/** The import's registered files (a folder DuckDB allows: see above). */
export const IMPORT_FILES_DIR = '/imports/';

/**
 * DuckDB's own memory (tables, hash tables, sorts). By default DuckDB-WASM allows itself 3.1 GiB
 * of the wasm heap's 4 GiB, leaving too little for what it does not count (strings in flight,
 * results being serialized). 2 M indicator rows, a province's, take ~840 MiB as an in-memory
 * table (measured on DuckDB-WASM 1.32), and an import of them is held twice (its schema and the
 * materialized views): 2 GiB keeps that working and stops a runaway query with a message.
 */
export const MEMORY_LIMIT_BYTES = 2 * 1024 * 1024 * 1024;

/** One call, in this order: allowed_directories cannot change once external access is off. */
export const ENGINE_LOCK_SQL = [
  `SET GLOBAL allowed_directories = ['${IMPORT_FILES_DIR}']`,
  'SET GLOBAL enable_external_access = false',
  'SET GLOBAL autoinstall_known_extensions = false',
  'SET GLOBAL autoload_known_extensions = false',
  `SET GLOBAL memory_limit = '${MEMORY_LIMIT_BYTES / 1024 / 1024}MiB'`,
  'SET GLOBAL lock_configuration = true',
].join(';\n');
