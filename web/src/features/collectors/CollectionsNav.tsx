import { Tabs } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../../i18n.tsx';
import { useCan } from '../../session.tsx';

/** The office's collector screens, one tab each: handover (admin), deposit (finance), reports. */
export function CollectionsNav() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tabs = [
    { path: '/collectors/handover', label: t('collections.handoverTab'), show: can('setoran.confirm') },
    { path: '/collectors/deposits', label: t('collections.depositTab'), show: can('deposits.confirm') },
    { path: '/collectors/reports', label: t('collections.reportsTab'), show: can('collections.read') },
    { path: '/collectors/assignments', label: t('collections.assignTab'), show: can('collections.manage') },
  ].filter((tab) => tab.show);
  return (
    <Tabs value={pathname} onChange={(value) => value && navigate(value)}>
      <Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.path} value={tab.path}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
