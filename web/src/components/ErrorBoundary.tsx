import { Alert, Button, Stack, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useT } from '../i18n.tsx';

/**
 * A page that throws while rendering shows this in its place; the menu and the other pages keep
 * working (React still reports the error to the console). Layout keys it by the address, so
 * moving to another page starts afresh.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    return this.state.error ? <PageFailed error={this.state.error} retry={() => this.setState({ error: null })} /> : this.props.children;
  }
}

function PageFailed({ error, retry }: { error: Error; retry: () => void }) {
  const t = useT();
  return (
    <Alert color="red" title={t('error.pageFailed')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error.message}</Text>
        <Button size="xs" variant="light" onClick={retry}>
          {t('error.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
