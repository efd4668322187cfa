/**
 * Reading an action's rule or effect (filtrex syntax: `quantity <= stock and not discontinued`,
 * `if a then b else c`) into a tree, with filtrex's own tokens and operator precedence, so that the
 * scaffold can write the same computation in TypeScript instead of shipping filtrex in the service.
 */
import { ShopfloorError } from "../../contracts/errors.js";

export type ExpressionNode =
  | { kind: "number"; text: string }
  | { kind: "string"; value: string }
  | { kind: "variable"; name: string }
  | { kind: "unary"; operator: "-" | "not"; operand: ExpressionNode }
  | { kind: "binary"; operator: BinaryOperator; left: ExpressionNode; right: ExpressionNode }
  /** `a < b <= c`: one relation, or a chain of them, each sharing an operand with the next. */
  | { kind: "relation"; operators: RelationOperator[]; operands: ExpressionNode[] }
  | { kind: "membership"; negated: boolean; item: ExpressionNode; collection: ExpressionNode }
  | { kind: "conditional"; test: ExpressionNode; then: ExpressionNode; otherwise: ExpressionNode }
  | { kind: "array"; items: ExpressionNode[] }
  | { kind: "call"; name: string; arguments: ExpressionNode[] }
  | { kind: "property"; name: string; object: ExpressionNode };

export type BinaryOperator = "+" | "-" | "*" | "/" | "^" | "mod" | "and" | "or";
export type RelationOperator = "==" | "!=" | "<" | "<=" | ">" | ">=" | "~=";

interface Token {
  kind: "operator" | "keyword" | "number" | "symbol" | "string" | "end";
  text: string;
}

// filtrex's lexical rules in its order (the first that matches wins); `%`, `?` and `:` are deprecated.
const tokenRules: readonly [RegExp, Token["kind"] | "skip"][] = [
  [/==|!=|~=|>=|<=|[*/\-+^(),<>%?:]/y, "operator"],
  [/(?:not\s+in|and|or|not|in|of|if|then|else|mod)(?![\w])/y, "keyword"],
  [/\s+/y, "skip"],
  [/[0-9]+(?:\.[0-9]+)?(?![0-9.])/y, "number"],
  [/[a-zA-Z$_][.a-zA-Z0-9$_]*/y, "symbol"],
  [/'(?:\\'|\\\\|[^'\\])*'/y, "symbol"],
  [/"(?:\\"|\\\\|[^"\\])*"/y, "string"],
];

// Binding powers, lowest first, as filtrex declares its precedence.
const power = {
  conditional: 1,
  or: 2,
  and: 3,
  membership: 4,
  relation: 5,
  additive: 6,
  multiplicative: 7,
  prefix: 8,
  power: 9,
  property: 10,
} as const;

const relationOperators: readonly string[] = ["==", "!=", "<", "<=", ">", ">=", "~="];

export function parseExpression(text: string): ExpressionNode {
  return new Parser(text, tokenize(text)).parseWhole();
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < text.length) {
    const matched = tokenRules.some(([pattern, kind]) => {
      pattern.lastIndex = position;
      const match = pattern.exec(text);
      if (match === null) return false;
      position += match[0].length;
      if (kind !== "skip") tokens.push({ kind, text: match[0] });
      return true;
    });
    if (!matched) throw expressionError(text, `unexpected character "${text[position]}"`);
  }
  tokens.push({ kind: "end", text: "" });
  return tokens;
}

/** The text inside quotes, with filtrex's two escapes (`\\` and the quote itself) undone. */
function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/\\(.)/g, "$1");
}

export function expressionError(text: string, reason: string): ShopfloorError {
  return new ShopfloorError("invalid-input", `expression ${JSON.stringify(text)}: ${reason}`);
}

class Parser {
  #index = 0;

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
  ) {}

  parseWhole(): ExpressionNode {
    const node = this.parse(0);
    if (this.peek().kind !== "end") this.fail(`unexpected "${this.peek().text}"`);
    return node;
  }

  /** An expression whose operators all bind tighter than `minimum`. */
  parse(minimum: number): ExpressionNode {
    let left = this.parsePrefix();
    for (;;) {
      const next = this.infix(left, minimum);
      if (next === undefined) return left;
      left = next;
    }
  }

  parsePrefix(): ExpressionNode {
    const token = this.advance();
    if (token.kind === "number") return { kind: "number", text: token.text };
    if (token.kind === "string") return { kind: "string", value: unquote(token.text) };
    if (token.text === "-") return this.unary("-");
    if (token.text === "not") return this.unary("not");
    if (token.text === "(") return this.parenthesized();
    if (token.text === "if") {
      const test = this.parse(0);
      this.expect("then");
      const then = this.parse(0);
      this.expect("else");
      return { kind: "conditional", test, then, otherwise: this.parse(power.conditional - 1) };
    }
    if (token.kind !== "symbol") return this.fail(`unexpected "${token.text || "end"}"`);
    const name = token.text.startsWith("'") ? unquote(token.text) : token.text;
    if (this.peek().text === "(") {
      this.advance();
      return { kind: "call", name, arguments: this.list(")") };
    }
    if (this.peek().text === "of") {
      this.advance();
      return { kind: "property", name, object: this.parse(power.property - 1) };
    }
    return { kind: "variable", name };
  }

  unary(operator: "-" | "not"): ExpressionNode {
    return { kind: "unary", operator, operand: this.parse(power.prefix) };
  }

  /** `( e )` is a group, `( a, b )` an array. */
  parenthesized(): ExpressionNode {
    const items = this.list(")");
    if (items.length === 1 && items[0] !== undefined) return items[0];
    if (items.length === 0) return this.fail("empty parentheses");
    return { kind: "array", items };
  }

  list(closing: string): ExpressionNode[] {
    const items: ExpressionNode[] = [];
    if (this.peek().text === closing) {
      this.advance();
      return items;
    }
    for (;;) {
      items.push(this.parse(0));
      const separator = this.advance();
      if (separator.text === closing) return items;
      if (separator.text !== ",") this.fail(`expected "," or "${closing}"`);
    }
  }

  /** The infix operator after `left` when it binds tighter than `minimum`, applied; else undefined. */
  infix(left: ExpressionNode, minimum: number): ExpressionNode | undefined {
    const text = this.peek().text;
    const binary = (operator: BinaryOperator, level: number, rightAssociative = false) => {
      if (level <= minimum) return undefined;
      this.advance();
      const right = this.parse(rightAssociative ? level - 1 : level);
      return { kind: "binary", operator, left, right } as const;
    };
    if (text === "or") return binary("or", power.or);
    if (text === "and") return binary("and", power.and);
    if (text === "+" || text === "-") return binary(text, power.additive);
    if (text === "*" || text === "/") return binary(text, power.multiplicative);
    if (text === "mod" || text === "%") return binary("mod", power.multiplicative);
    if (text === "^") return binary("^", power.power, true);
    if (relationOperators.includes(text) && power.relation > minimum) return this.relation(left);
    if (/^not\s+in$/.test(text) || text === "in") {
      if (power.membership <= minimum) return undefined;
      this.advance();
      const collection = this.parse(power.membership);
      return { kind: "membership", negated: text !== "in", item: left, collection };
    }
    if (text === "?" && power.conditional > minimum) {
      this.advance();
      const then = this.parse(0);
      this.expect(":");
      return { kind: "conditional", test: left, then, otherwise: this.parse(0) };
    }
    return undefined;
  }

  relation(first: ExpressionNode): ExpressionNode {
    const operators: RelationOperator[] = [];
    const operands = [first];
    while (relationOperators.includes(this.peek().text)) {
      operators.push(this.advance().text as RelationOperator);
      operands.push(this.parse(power.relation));
    }
    return { kind: "relation", operators, operands };
  }

  peek(): Token {
    return this.tokens[this.#index] ?? { kind: "end", text: "" };
  }

  advance(): Token {
    const token = this.peek();
    if (token.kind !== "end") this.#index += 1;
    return token;
  }

  expect(text: string): void {
    if (this.advance().text !== text) this.fail(`expected "${text}"`);
  }

  fail(reason: string): never {
    throw expressionError(this.text, reason);
  }
}
