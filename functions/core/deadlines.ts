// The import path of the deadline rules; they live in functions/core/deadlines/ (one concern per file).
export * from './deadlines/index.ts';
