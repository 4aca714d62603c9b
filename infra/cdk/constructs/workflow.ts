// The submission workflow, deployed from the same ASL file the local runtime runs. Each Task's
// `${<State>FunctionArn}` placeholder is filled with the function bound to that state.
import { RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { loadAsl, taskStates } from '../asl.ts';

export interface WorkflowProps {
  aslFile: string;
  /** State name -> ARN of the function that runs it. */
  taskFunctions: Record<string, string>;
  logKey: kms.IKey;
  logRetention: logs.RetentionDays;
}

/** The definitionSubstitutions for an ASL file: fails on a Task without a function and on an unused function. */
export function substitutionsFor(aslFile: string, taskFunctions: Record<string, string>): Record<string, string> {
  const tasks = taskStates(loadAsl(aslFile));
  const unbound = tasks.filter((t) => !(t.name in taskFunctions)).map((t) => t.name);
  if (unbound.length > 0) throw new Error(`Task state(s) without a function: ${unbound.join(', ')}`);
  const unused = Object.keys(taskFunctions).filter((name) => !tasks.some((t) => t.name === name));
  if (unused.length > 0) throw new Error(`Function(s) bound to no Task state of ${aslFile}: ${unused.join(', ')}`);
  return Object.fromEntries(tasks.map((t) => [t.placeholder, taskFunctions[t.name]!]));
}

export class Workflow extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: WorkflowProps) {
    super(scope, id);
    const definitionSubstitutions = substitutionsFor(props.aslFile, props.taskFunctions);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      encryptionKey: props.logKey,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromFile(props.aslFile),
      definitionSubstitutions,
      tracingEnabled: true,
      // Only ids travel through state (ARCHITECTURE §2), so execution data may be logged.
      logs: { destination: this.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: true },
    });
    // The definition is a file, so CDK cannot see which functions it calls: grant each one exactly.
    iam.Grant.addToPrincipal({
      grantee: this.stateMachine.role,
      actions: ['lambda:InvokeFunction'],
      resourceArns: Object.values(props.taskFunctions),
    });
  }
}
