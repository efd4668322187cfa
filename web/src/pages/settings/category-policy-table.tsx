/**
 * The profile form's categories: for each, whether it is gated (one the profile starts from stays
 * gated), its threshold, its own confidence (empty: the profile's) and zero tolerance, as percentages.
 */
import {
  type ScenarioCategory,
  scenarioCategories,
} from "../../../../src/contracts/scenario-category.js";
import type { CategoryDraft, DraftProblems } from "./profile-draft.js";

export function CategoryPolicyTable({
  categories,
  problems,
  plannable,
  profileConfidence,
  onChange,
}: {
  categories: Record<ScenarioCategory, CategoryDraft>;
  problems: DraftProblems;
  /** Whether the values the planner reads may be changed now. */
  plannable: boolean;
  /** The profile's confidence, shown where a category has none of its own. */
  profileConfidence: string;
  onChange: (category: ScenarioCategory, part: Partial<CategoryDraft>) => void;
}) {
  const cellProblems = scenarioCategories.flatMap((category) =>
    (["threshold", "confidence"] as const).flatMap((field) => {
      const problem = problems[`${category}.${field}`];
      return problem === undefined ? [] : [`${category} ${field}: ${problem}`];
    }),
  );
  return (
    <>
      <table className="table profile-categories">
        <thead>
          <tr>
            <th>category</th>
            <th>threshold (%)</th>
            <th>confidence (%)</th>
            <th>zero tolerance</th>
          </tr>
        </thead>
        <tbody>
          {scenarioCategories.map((category) => {
            const policy = categories[category];
            return (
              <tr key={category} data-testid={`editor-category-${category}`}>
                <td>
                  <label className="row">
                    <input
                      type="checkbox"
                      checked={policy.gated}
                      disabled={!plannable || policy.inherited}
                      title={
                        policy.inherited
                          ? "gated by the profile this one extends"
                          : "gate this category"
                      }
                      onChange={(event) => onChange(category, { gated: event.target.checked })}
                    />
                    {category}
                  </label>
                </td>
                <td>
                  <CellInput
                    label={`${category} threshold`}
                    name={`${category}-threshold`}
                    value={policy.thresholdPercent}
                    problem={problems[`${category}.threshold`]}
                    disabled={!policy.gated || !plannable}
                    onChange={(value) => onChange(category, { thresholdPercent: value })}
                  />
                </td>
                <td>
                  <CellInput
                    label={`${category} confidence`}
                    name={`${category}-confidence`}
                    value={policy.confidencePercent}
                    placeholder={profileConfidence}
                    problem={problems[`${category}.confidence`]}
                    disabled={!policy.gated || !plannable}
                    onChange={(value) => onChange(category, { confidencePercent: value })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${category} zero tolerance`}
                    checked={policy.zeroTolerance}
                    disabled={!policy.gated || !plannable}
                    onChange={(event) =>
                      onChange(category, { zeroTolerance: event.target.checked })
                    }
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {cellProblems.map((problem) => (
        <div className="field-error" key={problem}>
          {problem}
        </div>
      ))}
    </>
  );
}

function CellInput({
  label,
  name,
  value,
  placeholder,
  problem,
  disabled,
  onChange,
}: {
  label: string;
  name: string;
  value: string;
  placeholder?: string;
  problem: string | undefined;
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <div className={`field cell-field ${problem === undefined ? "" : "invalid"}`}>
      <input
        aria-label={label}
        name={name}
        inputMode="decimal"
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        title={problem}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
