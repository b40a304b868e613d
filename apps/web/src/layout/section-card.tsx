import { Paper, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

interface SectionCardProps {
  title: string;
  children: ReactNode;
  /** Tables run to the card's edges; text gets the usual padding. */
  flush?: boolean;
}

/** A titled card that is also a named region, so screen readers (and tests) can find it. */
export function SectionCard({ title, children, flush = false }: SectionCardProps) {
  const titleId = useId();
  return (
    <Paper component="section" withBorder p={flush ? 0 : 'md'} aria-labelledby={titleId}>
      <Title id={titleId} order={2} size="h4" mb="sm" p={flush ? 'md' : 0} pb={0}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
