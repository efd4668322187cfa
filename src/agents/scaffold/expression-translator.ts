/**
 * Translating an action's filtrex expression into TypeScript at generation time, so the scaffolded
 * service computes its rules and effects with plain code: `quantity <= stock` becomes
 * `input.quantity <= product.stock`. Same meaning as filtrex for values of the types the model declares
 * (strict equality, a modulo that is never negative, chained relations, `in` over a list); parentheses
 * appear only where TypeScript's precedence needs them.
 */
import { type ExpressionNode, expressionError, parseExpression } from "./expression-parser.js";

/** The TypeScript that reads a variable of the expression (`product.stock`), or undefined. */
export type ExpressionScope = (name: string) => string | undefined;

/** TypeScript code and how tightly it binds (higher binds tighter), to decide on parentheses. */
interface Code {
  text: string;
  precedence: number;
}

// TypeScript's operator precedence, as far as the translation uses it.
const precedence = {
  conditional: 2,
  or: 3,
  and: 4,
  equality: 8,
  relational: 9,
  additive: 11,
  multiplicative: 12,
  exponent: 13,
  prefix: 14,
  primary: 20,
} as const;

const constants: Readonly<Record<string, string>> = { true: "true", false: "false", null: "null" };

const mathFunctions: Readonly<Record<string, string>> = {
  abs: "Math.abs",
  ceil: "Math.ceil",
  floor: "Math.floor",
  log: "Math.log",
  log2: "Math.log2",
  log10: "Math.log10",
  max: "Math.max",
  min: "Math.min",
  round: "Math.round",
  sqrt: "Math.sqrt",
};

/** The expression as TypeScript; a ShopfloorError when it reads a name the scope does not know. */
export function translateExpression(text: string, scope: ExpressionScope): string {
  return new Translator(text, scope).translate(parseExpression(text)).text;
}

/** The condition under which a rule refuses: the rule's expression, negated as simply as it reads. */
export function translateRefusal(text: string, scope: ExpressionScope): string {
  const translator = new Translator(text, scope);
  const node = parseExpression(text);
  if (node.kind === "unary" && node.operator === "not") {
    return translator.translate(node.operand).text;
  }
  return translator.prefix("!", translator.translate(node)).text;
}

/** The variables an expression reads, in the order it first reads them (constants left out). */
export function variablesRead(text: string): string[] {
  const names = new Set<string>();
  const visit = (node: ExpressionNode): void => {
    if (node.kind === "variable" && ownValue(constants, node.name) === undefined) {
      names.add(node.name);
    }
    for (const child of children(node)) visit(child);
  };
  visit(parseExpression(text));
  return [...names];
}

function children(node: ExpressionNode): ExpressionNode[] {
  switch (node.kind) {
    case "unary":
      return [node.operand];
    case "binary":
      return [node.left, node.right];
    case "relation":
      return node.operands;
    case "membership":
      return [node.item, node.collection];
    case "conditional":
      return [node.test, node.then, node.otherwise];
    case "array":
      return node.items;
    case "call":
      return node.arguments;
    case "property":
      return [node.object];
    default:
      return [];
  }
}

class Translator {
  constructor(
    readonly text: string,
    readonly scope: ExpressionScope,
  ) {}

  translate(node: ExpressionNode): Code {
    switch (node.kind) {
      case "number":
        return primary(node.text);
      case "string":
        return primary(JSON.stringify(node.value));
      case "variable":
        return primary(this.variable(node.name));
      case "unary":
        return this.prefix(node.operator === "not" ? "!" : "-", this.translate(node.operand));
      case "binary":
        return this.binary(node.operator, this.translate(node.left), this.translate(node.right));
      case "relation":
        return this.relation(
          node.operators,
          node.operands.map((operand) => this.translate(operand)),
        );
      case "membership":
        return this.membership(node);
      case "conditional":
        return {
          text: `${this.wrap(this.translate(node.test), precedence.or)} ? ${this.wrap(this.translate(node.then), precedence.conditional)} : ${this.wrap(this.translate(node.otherwise), precedence.conditional)}`,
          precedence: precedence.conditional,
        };
      case "array":
        return primary(`[${node.items.map((item) => this.argument(item)).join(", ")}]`);
      case "call":
        return this.call(node.name, node.arguments);
      case "property":
        throw expressionError(
          this.text,
          `"${node.name} of …" reads a property of an object, and the model's values have none`,
        );
    }
  }

  variable(name: string): string {
    const constant = ownValue(constants, name);
    if (constant !== undefined) return constant;
    const code = this.scope(name);
    if (code === undefined) throw expressionError(this.text, `unknown name "${name}"`);
    return code;
  }

  prefix(operator: "!" | "-", operand: Code): Code {
    const inner = this.wrap(operand, precedence.prefix);
    // `- -x` would read as a decrement; `-(-x)` does not.
    const text = operator === "-" && inner.startsWith("-") ? `-(${inner})` : `${operator}${inner}`;
    return { text, precedence: precedence.prefix };
  }

  binary(operator: string, left: Code, right: Code): Code {
    switch (operator) {
      case "and":
        return this.infix(left, "&&", right, precedence.and);
      case "or":
        return this.infix(left, "||", right, precedence.or);
      case "^":
        // `**` is right-associative and refuses a unary operand on its left.
        return {
          text: `${this.wrap(left, precedence.prefix + 1)} ** ${this.wrap(right, precedence.exponent)}`,
          precedence: precedence.exponent,
        };
      case "mod": {
        // filtrex's modulo is never negative: -1 mod 3 is 2.
        const divisor = this.wrap(right, precedence.multiplicative + 1);
        const remainder = `${this.wrap(left, precedence.multiplicative)} % ${divisor}`;
        return {
          text: `(${remainder} + ${divisor}) % ${divisor}`,
          precedence: precedence.multiplicative,
        };
      }
      case "*":
      case "/":
        return this.infix(left, operator, right, precedence.multiplicative);
      default:
        return this.infix(left, operator, right, precedence.additive);
    }
  }

  /** A left-associative operator: its right operand needs parentheses at the same precedence. */
  infix(left: Code, operator: string, right: Code, level: number): Code {
    return {
      text: `${this.wrap(left, level)} ${operator} ${this.wrap(right, level + 1)}`,
      precedence: level,
    };
  }

  relation(operators: readonly string[], operands: readonly Code[]): Code {
    const comparisons = operators.map((operator, index) =>
      this.comparison(operator, operands[index] as Code, operands[index + 1] as Code),
    );
    if (comparisons.length === 1) return comparisons[0] as Code;
    return {
      text: comparisons.map((comparison) => this.wrap(comparison, precedence.and)).join(" && "),
      precedence: precedence.and,
    };
  }

  comparison(operator: string, left: Code, right: Code): Code {
    if (operator === "~=") {
      const pattern = `new RegExp(${this.wrap(right, precedence.conditional)})`;
      return primary(`${pattern}.test(${this.wrap(left, precedence.conditional)})`);
    }
    if (operator === "==" || operator === "!=") {
      return this.infix(left, `${operator}=`, right, precedence.equality);
    }
    return this.infix(left, operator, right, precedence.relational);
  }

  /** `x in (a, b)`: x is one of them; a list on the left must be wholly in the one on the right. */
  membership(node: Extract<ExpressionNode, { kind: "membership" }>): Code {
    const collection =
      node.collection.kind === "array"
        ? this.translate(node.collection).text
        : `[${this.argument(node.collection)}]`;
    const test =
      node.item.kind === "array"
        ? `${this.translate(node.item).text}.every((value) => ${collection}.includes(value))`
        : `${collection}.includes(${this.argument(node.item)})`;
    return node.negated ? this.prefix("!", primary(test)) : primary(test);
  }

  call(name: string, parameters: readonly ExpressionNode[]): Code {
    const values = parameters.map((parameter) => this.argument(parameter));
    const math = ownValue(mathFunctions, name);
    if (math !== undefined) return primary(`${math}(${values.join(", ")})`);
    const [value] = parameters;
    if (value === undefined || parameters.length !== 1) {
      throw expressionError(
        this.text,
        `unknown function "${name}" with ${parameters.length} arguments`,
      );
    }
    const operand = this.wrap(this.translate(value), precedence.equality + 1);
    if (name === "exists") {
      return {
        text: `${operand} !== undefined && ${operand} !== null`,
        precedence: precedence.and,
      };
    }
    if (name === "empty") {
      return {
        text: `${operand} === undefined || ${operand} === null || ${operand} === ""`,
        precedence: precedence.or,
      };
    }
    throw expressionError(this.text, `unknown function "${name}"`);
  }

  argument(node: ExpressionNode): string {
    return this.wrap(this.translate(node), precedence.conditional);
  }

  /** The code, in parentheses when it binds less tightly than `minimum`. */
  wrap(code: Code, minimum: number): string {
    return code.precedence < minimum ? `(${code.text})` : code.text;
  }
}

/** A table's own entry: a variable named `constructor` is not Object's. */
function ownValue(table: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function primary(text: string): Code {
  return { text, precedence: precedence.primary };
}
