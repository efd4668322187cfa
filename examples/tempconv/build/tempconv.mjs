// tempconv, the command of examples/tempconv/spec.md, written by hand as a good agent would build it:
// converts a temperature between Celsius, Fahrenheit and Kelvin. Plain Node, no dependencies; follows
// the cli conventions of docs/spec-conventions.md (exit 0 with the result on stdout, 2 for a bad command
// line with one line on stderr, 1 for a temperature below absolute zero).
//
// Run: node examples/tempconv/build/tempconv.mjs --from celsius --to fahrenheit 100   (prints 212.00)

const usage = `Usage: tempconv --from <unit> --to <unit> [--precision <n>] [--] <value>

Converts a temperature from one unit to another and prints it with <n> decimals.

Options:
  --from <unit>      the unit of <value>: celsius, fahrenheit or kelvin (required)
  --to <unit>        the unit to convert to: celsius, fahrenheit or kelvin (required)
  --precision <n>    how many decimals to print, from 0 to 6 (default 2)
  --help             print this help and exit
  --                 ends the options; put it before a negative value

Examples:
  tempconv --from celsius --to fahrenheit 100          prints 212.00
  tempconv --from=kelvin --to=celsius --precision 0 0  prints -273
  tempconv --from fahrenheit --to celsius -- -40       prints -40.00
`;

const units = ["celsius", "fahrenheit", "kelvin"];
const optionNames = ["from", "to", "precision"];
const absoluteZero = { celsius: -273.15, fahrenheit: -459.67, kelvin: 0 };
const valueRange = { min: -1_000_000, max: 1_000_000 };
const precisionRange = { min: 0, max: 6, default: 2 };
const decimalNumber = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A command line that does not follow the usage: exit 2 with its message. */
class UsageError extends Error {}

function main(argv) {
  if (wantsHelp(argv)) {
    process.stdout.write(usage);
    return 0;
  }
  let request;
  try {
    request = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`tempconv: ${error.message} (see tempconv --help)\n`);
    return 2;
  }
  const { from, to, precision, value } = request;
  if (value < absoluteZero[from]) {
    process.stderr.write(
      `tempconv: ${value} ${from} is below absolute zero (${absoluteZero[from]} ${from})\n`,
    );
    return 1;
  }
  process.stdout.write(`${format(convert(value, from, to), precision)}\n`);
  return 0;
}

/** `--help` anywhere before `--` asks for the usage, whatever else the line holds. */
function wantsHelp(argv) {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).includes("--help");
}

/** The options and the value, checked against the spec's model; throws a UsageError. */
function parseCommandLine(argv) {
  const options = {};
  const positionals = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === "--") {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    // A negative number is a value, not an option, even without `--`.
    if (!argument.startsWith("-") || decimalNumber.test(argument)) {
      positionals.push(argument);
      continue;
    }
    if (!argument.startsWith("--")) throw new UsageError(`unknown option ${shown(argument)}`);
    const equals = argument.indexOf("=");
    const name = argument.slice(2, equals === -1 ? undefined : equals);
    if (!optionNames.includes(name)) throw new UsageError(`unknown option ${shown(argument)}`);
    if (Object.hasOwn(options, name)) throw new UsageError(`--${name} is given twice`);
    const value = equals === -1 ? argv[++index] : argument.slice(equals + 1);
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    options[name] = value;
  }
  return {
    from: unitOption(options, "from"),
    to: unitOption(options, "to"),
    precision: precisionOption(options.precision),
    value: valueArgument(positionals),
  };
}

function unitOption(options, name) {
  const unit = options[name];
  if (unit === undefined) throw new UsageError(`--${name} <unit> is required`);
  if (!units.includes(unit)) throw new UsageError(`--${name} must be one of ${units.join(", ")}`);
  return unit;
}

function precisionOption(text) {
  if (text === undefined) return precisionRange.default;
  const precision = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(precision >= precisionRange.min && precision <= precisionRange.max)) {
    throw new UsageError(
      `--precision must be a whole number from ${precisionRange.min} to ${precisionRange.max}`,
    );
  }
  return precision;
}

function valueArgument(positionals) {
  if (positionals.length === 0) throw new UsageError("the temperature to convert is missing");
  if (positionals.length > 1) throw new UsageError("give one temperature only");
  const [text] = positionals;
  const value = decimalNumber.test(text) ? Number(text) : Number.NaN;
  if (!(value >= valueRange.min && value <= valueRange.max)) {
    throw new UsageError(
      `the temperature must be a number from ${valueRange.min} to ${valueRange.max}`,
    );
  }
  return value;
}

/** Each pair has its own formula, so that a conversion adds as little rounding error as it can. */
function convert(value, from, to) {
  if (from === to) return value;
  const formulas = {
    "celsius>fahrenheit": (celsius) => (celsius * 9) / 5 + 32,
    "celsius>kelvin": (celsius) => celsius + 273.15,
    "fahrenheit>celsius": (fahrenheit) => ((fahrenheit - 32) * 5) / 9,
    "fahrenheit>kelvin": (fahrenheit) => ((fahrenheit + 459.67) * 5) / 9,
    "kelvin>celsius": (kelvin) => kelvin - 273.15,
    "kelvin>fahrenheit": (kelvin) => (kelvin * 9) / 5 - 459.67,
  };
  return formulas[`${from}>${to}`](value);
}

/** Exactly `precision` decimals; a result that rounds to zero is `0.00`, never `-0.00`. */
function format(value, precision) {
  const text = value.toFixed(precision);
  return /^-0(?:\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** An argument quoted for a one-line message: control characters escaped, long ones cut. */
function shown(argument) {
  const quoted = JSON.stringify(argument);
  return quoted.length > 60 ? `${quoted.slice(0, 57)}..."` : quoted;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch {
  process.stderr.write("tempconv: an unexpected error stopped the conversion\n");
  process.exitCode = 1;
}
