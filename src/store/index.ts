/** The factory's persistence: the database, its tables and the write transaction that holds across processes. */
export * from "./factory-database.js";
export * from "./immediate-transaction.js";
export * from "./open-factory-database.js";
