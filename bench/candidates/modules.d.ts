/** The aws-lite DynamoDB plugin ships no types; the candidate only passes it to the client. */
declare module '@aws-lite/dynamodb' {
  const plugin: Record<string, unknown>;
  export default plugin;
}
