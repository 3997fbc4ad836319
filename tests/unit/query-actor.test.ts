/**
 * A query function that takes the actor scopes by it: an `actor` parameter (or an `actor` property of an object
 * parameter) that the body never reads promises a scoping that does not happen. A deliberately unscoped read
 * takes no actor and says why (db/queries/scope.ts holds the rules).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const QUERIES = path.join(process.cwd(), 'db/queries');
const MENTIONS_ACTOR = /\b_?actor\b/;

/** The exported functions of `source` that take an actor and never read it. */
function functionsIgnoringActor(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  // Object types declared in the file (interfaces, type aliases) by name, to see through `args: SomeFilter`.
  const declaredTypes = new Map<string, string>();
  for (const statement of file.statements) {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      declaredTypes.set(statement.name.text, statement.getText(file));
    }
  }
  const isExported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const takesActor = (parameter: ts.ParameterDeclaration) => {
    if (MENTIONS_ACTOR.test(parameter.name.getText(file))) return true;
    const type = parameter.type;
    if (!type) return false;
    if (MENTIONS_ACTOR.test(type.getText(file))) return true;
    return ts.isTypeReferenceNode(type) && MENTIONS_ACTOR.test(declaredTypes.get(type.typeName.getText(file)) ?? '');
  };
  const readsActor = (body: ts.Node): boolean => {
    let found = false;
    const visit = (node: ts.Node) => {
      if (found) return;
      if (ts.isIdentifier(node) && /^_?actor$/.test(node.text)) found = true;
      else ts.forEachChild(node, visit);
    };
    visit(body);
    return found;
  };
  // An object carrying the actor handed on whole (`f(db, args)`, `f(db, { ...args })`) is scoped by the callee,
  // which this test checks in its turn when it is a query function.
  const forwards = (body: ts.Node, name: string): boolean => {
    let found = false;
    const isParameter = (node: ts.Node) => ts.isIdentifier(node) && node.text === name;
    const visit = (node: ts.Node) => {
      if (found) return;
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        for (const arg of node.arguments ?? []) {
          if (isParameter(arg)) found = true;
          if (
            ts.isObjectLiteralExpression(arg) &&
            arg.properties.some((p) => ts.isSpreadAssignment(p) && isParameter(p.expression))
          )
            found = true;
        }
      }
      if (!found) ts.forEachChild(node, visit);
    };
    visit(body);
    return found;
  };
  const offenders: string[] = [];
  const check = (name: string, fn: ts.SignatureDeclaration & { body?: ts.Node }) => {
    const body = fn.body;
    if (!body) return;
    const ignored = fn.parameters
      .filter(takesActor)
      .some((p) => !readsActor(body) && !(ts.isIdentifier(p.name) && forwards(body, p.name.text)));
    if (ignored) offenders.push(name);
  };
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && isExported(statement))
      check(statement.name.text, statement);
    if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)))
          check(declaration.name.getText(file), init);
      }
    }
  }
  return offenders;
}

describe('query functions and the actor', () => {
  it('no function in db/queries takes an actor it ignores', () => {
    const files = fs.readdirSync(QUERIES).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((f) =>
      functionsIgnoringActor(f, fs.readFileSync(path.join(QUERIES, f), 'utf8')).map((name) => `${f}: ${name}`),
    );
    expect(offenders).toEqual([]);
  });

  it('finds an ignored actor however it is passed, and accepts one that is read', () => {
    const source = `
      import type { Actor } from '@/lib/domain/actor';
      interface Filter { actor: Actor; year: number }
      export async function direct(db: Db, actor: Actor, id: number) { return id; }
      export async function inObject(db: Db, args: { actor: Actor; id: number }) { return args.id; }
      export async function underscored(db: Db, _args: { actor: Actor }) { return 1; }
      export async function named(db: Db, filter: Filter) { return filter.year; }
      export const arrow = async (db: Db, args: { actor: Actor }) => db;
      export async function scoped(db: Db, args: { actor: Actor; id: number }) { return visible(args.actor, args.id); }
      export async function destructured(db: Db, { actor, id }: { actor: Actor; id: number }) { return visible(actor, id); }
      export async function unscoped(db: Db, args: { id: number }) { return args.id; }
      export async function forwarded(db: Db, args: { actor: Actor; id: number }) { return scoped(db, args); }
      export function spread(db: Db, args: { actor: Actor }) { return walk(db, { ...args, filter: {} }); }
      export async function copied(db: Db, args: { actor: Actor; id: number }) { const { id } = args; return id; }
      async function notExported(db: Db, actor: Actor) { return db; }
    `;
    expect(functionsIgnoringActor('snippet.ts', source)).toEqual([
      'direct',
      'inObject',
      'underscored',
      'named',
      'arrow',
      'copied',
    ]);
  });
});
