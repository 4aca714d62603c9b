// Shared by the infra tests: the context a deployment passes, and one in-process synth per test file
// with bundling switched off (test/infra/bundle.test.ts bundles for real once).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll } from 'vitest';
import { buildApp, type OptoutStack } from '../../infra/cdk/stack.ts';

/** The defaults from cdk.json: the tests synthesize what `npx cdk synth` would. */
export const CDK_JSON_CONTEXT = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context as Record<string, unknown>;

export const REQUIRED_CONTEXT = { domain: 'example.org', fromAddress: 'optout@example.org', inboundDomain: 'in.example.org' };

// Cloud assemblies go to one temporary folder per test file, removed afterwards.
const assemblies = mkdtempSync(join(tmpdir(), 'optout-cdk-test-'));
afterAll(() => rmSync(assemblies, { recursive: true, force: true }));

/** A fresh, empty output folder for one App. */
export function outdir(): string {
  return mkdtempSync(join(assemblies, 'cdk.out-'));
}

export function synth(extra: Record<string, unknown> = {}): { stack: OptoutStack; template: Template } {
  const { stack } = buildApp({ ...CDK_JSON_CONTEXT, ...REQUIRED_CONTEXT, ...extra, 'aws:cdk:bundling-stacks': [] }, outdir());
  return { stack, template: Template.fromStack(stack) };
}

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON is untyped
export type Cfn = any;

/** Statements of the inline policy attached to a function's role (construct id = function name). */
export function statementsOf(template: Template, functionName: string): Cfn[] {
  const policies = Object.entries(template.findResources('AWS::IAM::Policy')).filter(([id]) => id.startsWith(`${functionName}RoleDefaultPolicy`));
  if (policies.length !== 1) throw new Error(`expected one policy for ${functionName}, found ${policies.length}`);
  return policies[0]![1].Properties.PolicyDocument.Statement;
}

export function actionsOf(statements: Cfn[]): string[] {
  return statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).sort();
}

export function logicalIdOf(template: Template, type: string, prefix: string): string {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  if (ids.length !== 1) throw new Error(`expected one ${type} starting with ${prefix}, found ${ids.join(', ') || 'none'}`);
  return ids[0]!;
}
