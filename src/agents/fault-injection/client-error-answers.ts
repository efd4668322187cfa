/**
 * Recognising code that refuses a request, from its syntax alone. An answer with a 4xx status:
 * `send(response, 400, …)`, `res.status(422).json(…)`, `{ status: 404 }`, `response.statusCode = 413`,
 * a status named by a constant of the file (`statuses.validation` where `const statuses =
 * { validation: 400 }`), a call to a function of the file that answers one (`notFound(response)`), or a
 * constant holding such an answer. A thrown validation error. And the guards built from them:
 * `if (…) { …; return/throw … }` with no else.
 */
import ts from "typescript";

/** What a file declares that refusals are made of. */
export interface RefusalContext {
  /** Functions whose body answers a 4xx: `notFound`, `badRequest`… */
  helpers: ReadonlySet<string>;
  /** Constants with a 4xx value: `badRequest` → 400, `statuses.validation` → 400. */
  statuses: ReadonlyMap<string, number>;
  /** Constants bound to an answer: `tooLarge` for `const tooLarge = refusal(413, …)`. */
  answers: ReadonlySet<string>;
}

export const noRefusalContext: RefusalContext = {
  helpers: new Set(),
  statuses: new Map(),
  answers: new Set(),
};

/** Thrown classes taken as validation errors; any other class counts only with a 4xx argument. */
const validationErrorName = /Validation|Invalid|BadRequest|Unprocessable|^RangeError$|^TypeError$/;

/** The 4xx value of a literal or of a status constant, else undefined. */
export function clientErrorStatus(node: ts.Node, context: RefusalContext): number | undefined {
  if (ts.isNumericLiteral(node))
    return isClientError(Number(node.text)) ? Number(node.text) : undefined;
  if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
    return context.statuses.get(node.getText());
  }
  return undefined;
}

/**
 * The status expressions of an expression that answers a client error, or undefined when it does not
 * answer one. The list is empty when the status is decided elsewhere (a helper such as `notFound`).
 */
export function clientErrorStatuses(
  expression: ts.Expression,
  context: RefusalContext,
): ts.Expression[] | undefined {
  const node = unwrap(expression);
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    const parts = (node.arguments ?? []).map((argument) => statusesOf(argument, context));
    if (parts.some((part) => part !== undefined)) return parts.flatMap((part) => part ?? []);
    const callee = unwrap(node.expression);
    if (ts.isIdentifier(callee) && context.helpers.has(callee.text)) return [];
    // `res.status(400).json(…)`: the status is set earlier in the chain.
    if (ts.isPropertyAccessExpression(callee)) {
      return clientErrorStatuses(callee.expression, context);
    }
    return undefined;
  }
  if (ts.isObjectLiteralExpression(node)) return carriedStatuses(node, context);
  if (ts.isIdentifier(node) && context.answers.has(node.text)) return [];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const isStatus =
      isStatusName(node.left) && clientErrorStatus(node.right, context) !== undefined;
    return isStatus ? [node.right] : undefined;
  }
  return undefined;
}

/** A statement that refuses: returns or makes a 4xx answer, or throws a validation error. */
export function refusalStatuses(
  statement: ts.Statement,
  context: RefusalContext,
): ts.Expression[] | undefined {
  if (ts.isThrowStatement(statement))
    return thrownValidationStatuses(statement.expression, context);
  if (ts.isReturnStatement(statement) && statement.expression) {
    return clientErrorStatuses(statement.expression, context);
  }
  if (ts.isExpressionStatement(statement)) {
    return clientErrorStatuses(statement.expression, context);
  }
  return undefined;
}

/**
 * The statement that refuses in a guard: `if (…) return send(res, 400, …)` or
 * `if (…) { send(…413…); return; }` — an if without else whose body is straight-line code (no nested
 * branches or loops: that is routing, not a guard) ending in a return or throw. Undefined otherwise.
 */
export function guardRefusal(
  statement: ts.IfStatement,
  context: RefusalContext,
): ts.Statement | undefined {
  if (statement.elseStatement) return undefined;
  const body = ts.isBlock(statement.thenStatement)
    ? [...statement.thenStatement.statements]
    : [statement.thenStatement];
  const last = body.at(-1);
  if (last === undefined || !(ts.isReturnStatement(last) || ts.isThrowStatement(last))) {
    return undefined;
  }
  if (!body.every(isStraightLine)) return undefined;
  return body.find((each) => refusalStatuses(each, context) !== undefined);
}

/**
 * What the file declares that refusals are made of. Functions and answer constants are found again
 * until no more turn up, so that `notFound` calling `refusal(statuses.notFound, …)` counts too.
 */
export function refusalContext(sourceFile: ts.SourceFile): RefusalContext {
  const statuses = new Map<string, number>();
  const functions = new Map<string, ts.ConciseBody>();
  const constants = new Map<string, ts.Expression>();
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name && node.body) {
      functions.set(node.name.text, node.body);
    }
    if (isConstDeclaration(node)) {
      const initializer = unwrap(node.initializer);
      if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) {
        functions.set(node.name.text, initializer.body);
      } else {
        constants.set(node.name.text, initializer);
        addStatusConstants(node.name.text, initializer, statuses);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const context = { helpers: new Set<string>(), statuses, answers: new Set<string>() };
  let grown = true;
  while (grown) {
    grown = false;
    for (const [name, body] of functions) {
      if (context.helpers.has(name) || !answersInBody(body, context)) continue;
      context.helpers.add(name);
      grown = true;
    }
    for (const [name, initializer] of constants) {
      if (context.answers.has(name)) continue;
      if (clientErrorStatuses(initializer, context) === undefined) continue;
      context.answers.add(name);
      grown = true;
    }
  }
  return context;
}

function isClientError(status: number): boolean {
  return Number.isInteger(status) && status >= 400 && status <= 499;
}

function isStraightLine(statement: ts.Statement): boolean {
  return (
    ts.isExpressionStatement(statement) ||
    ts.isReturnStatement(statement) ||
    ts.isThrowStatement(statement) ||
    ts.isVariableStatement(statement)
  );
}

function answersInBody(body: ts.ConciseBody, context: RefusalContext): boolean {
  if (!ts.isBlock(body)) return clientErrorStatuses(body, context) !== undefined;
  return body.statements.some((statement) => refusalStatuses(statement, context) !== undefined);
}

function isConstDeclaration(
  node: ts.Node,
): node is ts.VariableDeclaration & { name: ts.Identifier; initializer: ts.Expression } {
  return (
    ts.isVariableDeclaration(node) &&
    ts.isIdentifier(node.name) &&
    node.initializer !== undefined &&
    ts.isVariableDeclarationList(node.parent) &&
    (node.parent.flags & ts.NodeFlags.Const) !== 0
  );
}

/** `const badRequest = 400` and `const statuses = { validation: 400, … }`. */
function addStatusConstants(
  name: string,
  initializer: ts.Expression,
  statuses: Map<string, number>,
): void {
  const value = clientErrorStatus(initializer, noRefusalContext);
  if (value !== undefined) statuses.set(name, value);
  if (!ts.isObjectLiteralExpression(initializer)) return;
  for (const property of initializer.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
    const propertyValue = clientErrorStatus(property.initializer, noRefusalContext);
    if (propertyValue !== undefined) statuses.set(`${name}.${property.name.text}`, propertyValue);
  }
}

function thrownValidationStatuses(
  expression: ts.Expression,
  context: RefusalContext,
): ts.Expression[] | undefined {
  const statuses = clientErrorStatuses(expression, context);
  if (statuses !== undefined) return statuses;
  const node = unwrap(expression);
  if (!ts.isNewExpression(node)) return undefined;
  const callee = unwrap(node.expression);
  const name = ts.isIdentifier(callee)
    ? callee.text
    : ts.isPropertyAccessExpression(callee)
      ? callee.name.text
      : "";
  return validationErrorName.test(name) ? [] : undefined;
}

/** An argument's statuses: a 4xx status itself, or those of an answer it carries. */
function statusesOf(node: ts.Expression, context: RefusalContext): ts.Expression[] | undefined {
  if (clientErrorStatus(node, context) !== undefined) return [node];
  return carriedStatuses(node, context);
}

/**
 * The statuses of an answer carried in a value: an object with a `status`/`statusCode` of 4xx or with
 * a property holding an answer (`{ ok: false, reply: refusal(415, …) }`), or an answer passed on
 * (`send(response, refusal(404, …))`). A bare number in any other property is no status.
 */
function carriedStatuses(
  node: ts.Expression,
  context: RefusalContext,
): ts.Expression[] | undefined {
  const inner = unwrap(node);
  if (ts.isCallExpression(inner) || ts.isNewExpression(inner) || ts.isIdentifier(inner)) {
    return clientErrorStatuses(inner, context);
  }
  if (!ts.isObjectLiteralExpression(inner)) return undefined;
  const parts = inner.properties.map((property): ts.Expression[] | undefined => {
    if (!ts.isPropertyAssignment(property)) return undefined;
    if (!isStatusName(property.name)) return carriedStatuses(property.initializer, context);
    const isStatus = clientErrorStatus(property.initializer, context) !== undefined;
    return isStatus ? [property.initializer] : undefined;
  });
  if (parts.every((part) => part === undefined)) return undefined;
  return parts.flatMap((part) => part ?? []);
}

function isStatusName(node: ts.Node): boolean {
  const name = ts.isPropertyAccessExpression(node) ? node.name : node;
  return (ts.isIdentifier(name) || ts.isStringLiteral(name)) && /^status(Code)?$/.test(name.text);
}

/** Through parentheses, `await`, `void`, `as`, `!` and `satisfies`. */
export function unwrap(expression: ts.Expression): ts.Expression {
  let node = expression;
  while (
    ts.isParenthesizedExpression(node) ||
    ts.isAwaitExpression(node) ||
    ts.isVoidExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isSatisfiesExpression(node)
  ) {
    node = node.expression;
  }
  return node;
}
