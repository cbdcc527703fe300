#!/usr/bin/env bash
# Deploys skill-package/ with the ASK CLI v2, from a temporary copy, so the repository's skill.json
# keeps its placeholder endpoint. See docs/deploy.md.
#
# Usage:
#   scripts/deploy-skill-package.sh create   First time: creates the skill WITHOUT an endpoint (Alexa refuses
#                                            an endpoint whose trigger does not name the skill yet) and prints
#                                            its id, for `npm run deploy -- -c skillId=<id>`. Runs
#                                            `ask deploy --target skill-metadata`: a plain `ask deploy` would also
#                                            enable the skill, which Alexa refuses without an endpoint. Run it
#                                            again after a failure: it finds the skill it made in
#                                            .ask/ask-states.json and deploys to it, never making a second one.
#   scripts/deploy-skill-package.sh [update] After the stack is deployed: sets apis.custom.endpoint.uri to the
#                                            stack's FunctionArn output, the privacy policy and terms URLs to its
#                                            PrivacyPolicyUrl and TermsOfUseUrl outputs (per locale), deploys the
#                                            package (interaction models and manifest) and enables the skill for
#                                            testing. Run it again whenever the models or the manifest change.
#
# Environment:
#   STACK_NAME           stack to read the outputs from (default FootAcupressureSkill)
#   CDK_OUTPUTS_FILE     read the outputs from `cdk deploy --outputs-file <file>` instead of asking CloudFormation
#   SKILL_ID             skill to update when .ask/ask-states.json does not exist yet (skill made in the console)
#   PRIVACY_POLICY_URL,  the publisher's own pages, instead of the stack's; `{lang}` becomes en, de, es or fr.
#   TERMS_OF_USE_URL     (The same can be given to the stack: -c privacyPolicyUrl=… -c termsOfUseUrl=…)
#   NAME_FREE=1          upload the models' _nameFreeInteraction block; leave it unset until the developer console
#                        shows the skill is eligible (docs/deploy.md, "Name-free interaction")
#   AWS_PROFILE, AWS_REGION as usual for the aws CLI: the same account and region as the stack.
#
# Needs: node, the ASK CLI v2 configured (`npm i -g ask-cli && ask configure`, profile "default"),
# and for update the aws CLI with credentials (unless CDK_OUTPUTS_FILE is given).
# The skill id is kept where the ASK CLI keeps it: .ask/ask-states.json in the repository root; it is copied
# back from the working copy whenever the script ends, after a failure too.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-update}"
stack="${STACK_NAME:-FootAcupressureSkill}"
states=".ask/ask-states.json"

die() { echo "deploy-skill-package: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "$1 is not installed ($2)"; }

skill_id_from_states() {
  [[ -f "$states" ]] || return 0
  node -e '
    const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    process.stdout.write(s.profiles?.default?.skillId ?? "");
  ' "$states"
}

# Prints one output of the stack ("" when there is none).
stack_output() {
  if [[ -n "${CDK_OUTPUTS_FILE:-}" ]]; then
    node -e '
      const o = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      process.stdout.write(o[process.argv[2]]?.[process.argv[3]] ?? "");
    ' "$CDK_OUTPUTS_FILE" "$stack" "$1"
  else
    need aws "https://docs.aws.amazon.com/cli/"
    local value
    value="$(aws cloudformation describe-stacks --stack-name "$stack" \
      --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text)"
    [[ "$value" == "None" ]] && value=""
    printf '%s' "$value"
  fi
}

# Writes the skill package into $work: endpoint $1 (none when empty), privacy and terms URLs $2 and $3 (none
# when empty), and the name-free block only with NAME_FREE=1 (scripts/prepare-skill-package.mjs).
write_package() {
  cp -R skill-package ask-resources.json "$work/"
  if [[ -d .ask ]]; then cp -R .ask "$work/"; fi
  local args=("$work/skill-package")
  [[ -z "$1" ]] || args+=(--endpoint "$1")
  [[ -z "$2" ]] || args+=(--privacy "$2" --terms "$3")
  [[ "${NAME_FREE:-0}" != "1" ]] || args+=(--name-free)
  node scripts/prepare-skill-package.mjs "${args[@]}"
}

# Keeps the ASK CLI's state (the skill id) in the repository, whatever happened: `ask deploy` writes it as soon as
# the skill exists, even when a later step (model build, enablement) fails, and a rerun must find that skill.
keep_state() {
  if [[ -n "${work:-}" && -f "$work/$states" ]]; then
    mkdir -p .ask
    cp "$work/$states" "$states"
  fi
}
cleanup() {
  keep_state
  [[ -z "${work:-}" ]] || rm -rf "$work"
}

need node "https://nodejs.org"
need ask "npm i -g ask-cli, then ask configure"
work="$(mktemp -d)"
trap cleanup EXIT

privacy="${PRIVACY_POLICY_URL:-}"
terms="${TERMS_OF_USE_URL:-}"

case "$mode" in
  create)
    existing="$(skill_id_from_states)"
    if [[ -n "$existing" ]]; then
      echo "Skill $existing already exists ($states): deploying the package to it, not creating another."
    fi
    write_package "" "$privacy" "$terms"
    # --target skill-metadata: import the package (creating the skill when there is none) and stop. Without a
    # target, ask-cli then enables the skill, which fails with no endpoint ("Skill is not ready for enablement").
    (cd "$work" && ask deploy --target skill-metadata)
    keep_state
    id="$(skill_id_from_states)"
    [[ -n "$id" ]] || die "ask deploy did not record a skill id in $states"
    echo "Created skill $id (no endpoint yet). Next:"
    echo "  npm run deploy -- -c skillId=$id"
    echo "  scripts/deploy-skill-package.sh update"
    ;;
  update)
    id="$(skill_id_from_states)"
    if [[ -z "$id" ]]; then
      [[ -n "${SKILL_ID:-}" ]] || die "no $states: run '$0 create' first, or set SKILL_ID to an existing skill's id"
      id="$SKILL_ID"
      mkdir -p .ask
      printf '{\n  "askcliStatesVersion": "2020-03-31",\n  "profiles": { "default": { "skillId": "%s" } }\n}\n' "$id" > "$states"
    fi
    arn="$(stack_output FunctionArn)"
    [[ -n "$arn" ]] || die "no FunctionArn output on stack $stack: deploy it first (npm run deploy -- -c skillId=$id)"
    [[ -n "$privacy" ]] || privacy="$(stack_output PrivacyPolicyUrl)"
    [[ -n "$terms" ]] || terms="$(stack_output TermsOfUseUrl)"
    [[ -n "$privacy" && -n "$terms" ]] || die "no PrivacyPolicyUrl/TermsOfUseUrl output on stack $stack: deploy the current stack, or set PRIVACY_POLICY_URL and TERMS_OF_USE_URL"
    write_package "$arn" "$privacy" "$terms"
    echo "Deploying the skill package of $id with endpoint $arn, privacy policy $privacy, terms $terms"
    # The endpoint is there now, so ask-cli may enable the skill for testing.
    (cd "$work" && ask deploy)
    ;;
  *)
    die "unknown mode '$mode' (create or update)"
    ;;
esac
