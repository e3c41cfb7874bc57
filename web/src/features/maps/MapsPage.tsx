import { Alert, Anchor, Badge, Button, Card, Chip, Grid, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT, type Translate } from '../../i18n.tsx';
import { useCan, useFormat } from '../../session.tsx';
import { FtthMap, type MapFilter } from './FtthMap.tsx';
import { PhotoOverlay } from '../technicians/PhotoOverlay.tsx';
import { legend } from './legend.ts';
import './maps.css';
import {
  useBlastRadius,
  useCables,
  useClearOutage,
  useCreateCable,
  useDeleteCable,
  useCommitImport,
  useCreateOdc,
  useCreateOdp,
  useElementOutages,
  useMapData,
  useMapsSettings,
  useMoveElement,
  useOpenOutages,
  usePreviewImport,
  useResolveSuggestion,
  useSetOutage,
  useSuggestions,
  useUpdateMapsSettings,
  type Cable,
  type ImportPreview,
  type LegendLetter,
  type MapData,
  type Outage,
  type Selection,
  type Suggestion,
} from './queries.ts';

const allStates = new Set<LegendLetter>(legend.map((l) => l.letter));
const levelKey = { odc: 'maps.level.odc', odp: 'maps.level.odp', client: 'maps.level.client' } as const;

/**
 * The FTTH map (spec maps_ui: reflect_outage_status_with_colors): ODCs, ODPs and customers in
 * legend colours, filters, the blast radius of what is clicked, outages set and cleared from
 * there, outage suggestions, ODCs/ODPs placed and dragged on the map, and a CSV import.
 */
export function MapsPage() {
  const t = useT();
  const can = useCan();
  const [view, setView] = useState<string | null>(null);
  const data = useMapData(view);
  const [tilesFailed, setTilesFailed] = useState(false);
  return (
    <Stack>
      <PageTitle actions={can('maps.manage') && <ImportButton />}>{t('maps.title')}</PageTitle>
      <QueryState query={data}>{(d) => <MapWorkspace data={d} tilesFailed={tilesFailed} onTilesFailed={() => setTilesFailed(true)} onViewChange={setView} />}</QueryState>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('maps.openOutages')}
        </Title>
        <OpenOutages />
      </Card>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('maps.cables')}
        </Title>
        <Cables />
      </Card>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('maps.suggestions')}
        </Title>
        <Suggestions odps={data.data?.odps ?? []} />
      </Card>
      {can('maps.configure') && <SettingsCard />}
    </Stack>
  );
}

function MapWorkspace({ data, tilesFailed, onTilesFailed, onViewChange }: { data: MapData; tilesFailed: boolean; onTilesFailed: () => void; onViewChange: (bbox: string) => void }) {
  const t = useT();
  const can = useCan();
  const phone = useMediaQuery('(max-width: 48em)');
  const [odc, setOdc] = useState<string | null>(null);
  const [odp, setOdp] = useState<string | null>(null);
  const [states, setStates] = useState<string[]>([...allStates]);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [editable, setEditable] = useState(false);
  const [placing, setPlacing] = useState<'odc' | 'odp' | null>(null);
  const [placed, setPlaced] = useState<{ kind: 'odc' | 'odp'; lat: number; lng: number } | null>(null);
  const [drawing, setDrawing] = useState<[number, number][] | null>(null);
  const [drawn, setDrawn] = useState<[number, number][] | null>(null);
  const move = useMoveElement();
  const radius = useBlastRadius(selection);

  const filter = useMemo<MapFilter>(
    () => ({ odc: odc === null ? null : Number(odc), odp: odp === null ? null : Number(odp), states: new Set(states as LegendLetter[]) }),
    [odc, odp, states],
  );
  const highlight = useMemo(
    () => (radius.data && selection && selection.kind !== 'client' ? { odpIds: new Set(radius.data.odpIds), customerIds: new Set(radius.data.customerIds) } : null),
    [radius.data, selection],
  );
  const odcOptions = data.odcs.map((o, i) => ({ value: String(i), label: `${o.code} · ${o.name}` }));
  const odpOptions = data.odps.flatMap((o, i) => (odc === null || o.odc === Number(odc) ? [{ value: String(i), label: `${o.code} · ${o.name}` }] : []));

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
        <Stack gap="xs">
          {!data.tiles.url && (
            <Alert color="gray" p="xs" data-testid="tiles-none">
              {t('maps.tilesNone')}
            </Alert>
          )}
          {data.truncated && (
            <Alert color="yellow" p="xs" data-testid="maps-zoom-in">
              {t('maps.zoomIn', { count: data.customersInView })}
            </Alert>
          )}
          {data.tiles.url && tilesFailed && (
            <Alert color="yellow" p="xs" data-testid="tiles-failed">
              {t('maps.tilesFailed')}
            </Alert>
          )}
          {placing && (
            <Alert color="blue" p="xs" withCloseButton onClose={() => setPlacing(null)} closeButtonLabel={t('common.cancel')}>
              {t(placing === 'odc' ? 'maps.placeOdcHint' : 'maps.placeOdpHint')}
            </Alert>
          )}
          {drawing && (
            <Alert color="blue" p="xs">
              <Group justify="space-between" gap="xs">
                <Text size="sm">{t('maps.drawHint', { points: drawing.length })}</Text>
                <Group gap="xs">
                  <Button size="xs" disabled={drawing.length < 2} onClick={() => (setDrawn(drawing), setDrawing(null))}>
                    {t('maps.drawDone')}
                  </Button>
                  <Button size="xs" variant="subtle" onClick={() => setDrawing(null)}>
                    {t('common.cancel')}
                  </Button>
                </Group>
              </Group>
            </Alert>
          )}
          <FtthMap
            data={data}
            drawing={drawing}
            onDrawPoint={(lat, lng) => setDrawing((d) => [...(d ?? []), [lat, lng]])}
            filter={filter}
            highlight={highlight}
            editable={editable}
            placing={placing !== null}
            onPlace={(lat, lng) => {
              setPlaced({ kind: placing!, lat, lng });
              setPlacing(null);
            }}
            onSelect={setSelection}
            onMove={(kind, id, latitude, longitude) =>
              move.mutate({ kind, id, latitude: round6(latitude), longitude: round6(longitude) }, { onSuccess: () => notifications.show({ color: 'teal', message: t('maps.moved') }) })
            }
            onTilesFailed={onTilesFailed}
            onViewChange={onViewChange}
            height={phone ? 420 : 600}
          />
          {data.tiles.attribution && !tilesFailed && (
            <Text size="xs" c="dimmed">
              {t('maps.tileSource')}: {data.tiles.source === 'tenant' ? t('maps.tileSourceTenant') : t('maps.tileSourceDeployment')}
            </Text>
          )}
          <PhotoOverlay />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
        <Stack gap="sm">
          <Card withBorder padding="sm">
            <Text fw={600} size="sm" mb={6}>
              {t('maps.legend')}
            </Text>
            <Stack gap={4} data-testid="legend">
              {legend.map((l) => (
                <Group key={l.letter} justify="space-between" gap="xs" wrap="nowrap" data-legend-state={l.key}>
                  <Group gap={6} wrap="nowrap">
                    <span className="ftth-swatch" style={{ background: l.color }} data-color={l.color} />
                    <Text size="sm">{t(l.label)}</Text>
                  </Group>
                  <Text size="sm" c="dimmed" data-testid={`count-${l.key}`}>
                    {data.counts[l.key]}
                  </Text>
                </Group>
              ))}
            </Stack>
            <Text size="xs" c="dimmed" mt={6}>
              {t('maps.legendShapes')}
            </Text>
          </Card>
          <Card withBorder padding="sm">
            <Stack gap="xs">
              <Select
                label={t('maps.filterOdc')}
                data={odcOptions}
                value={odc}
                onChange={(v) => {
                  setOdc(v);
                  setOdp(null);
                }}
                clearable
                searchable
                placeholder={t('common.all')}
              />
              <Select label={t('maps.filterOdp')} data={odpOptions} value={odp} onChange={setOdp} clearable searchable placeholder={t('common.all')} limit={200} />
              <Text size="sm" fw={500}>
                {t('maps.filterStatus')}
              </Text>
              <Chip.Group multiple value={states} onChange={setStates}>
                <Group gap={4}>
                  {legend.map((l) => (
                    <Chip key={l.letter} value={l.letter} size="xs" color={l.color}>
                      {t(l.label)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </Stack>
          </Card>
          {can('maps.manage') && (
            <Card withBorder padding="sm">
              <Stack gap="xs">
                <Switch label={t('maps.dragMode')} checked={editable} onChange={(e) => setEditable(e.currentTarget.checked)} />
                <Group gap="xs">
                  <Button size="xs" variant="light" onClick={() => setPlacing('odc')}>
                    {t('maps.placeOdc')}
                  </Button>
                  <Button size="xs" variant="light" onClick={() => setPlacing('odp')} disabled={data.odcs.length === 0}>
                    {t('maps.placeOdp')}
                  </Button>
                  <Button size="xs" variant="light" onClick={() => (setPlacing(null), setDrawing([]))}>
                    {t('maps.drawCable')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          )}
          {selection && <ElementPanel selection={selection} data={data} onClose={() => setSelection(null)} />}
        </Stack>
      </Grid.Col>
      {placed && <PlaceModal placed={placed} data={data} onClose={() => setPlaced(null)} />}
      {drawn && <CableModal points={drawn} data={data} onClose={() => setDrawn(null)} />}
    </Grid>
  );
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** The clicked element: its blast radius (one click away), its outage, set or clear, its history. */
function ElementPanel({ selection, data, onClose }: { selection: Selection; data: MapData; onClose: () => void }) {
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const radius = useBlastRadius(selection);
  const history = useElementOutages(selection.id);
  const open = history.data?.find((o) => o.clearedAt === null) ?? null;
  const [setting, setSetting] = useState(false);
  const clear = useClearOutage(() => notifications.show({ color: 'teal', message: t('maps.cleared') }));
  return (
    <Card withBorder padding="sm" data-testid="element-panel">
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Text fw={600} size="sm">
          {t(levelKey[selection.kind])}: {radius.data?.element.name ?? '…'}
        </Text>
        <Anchor size="xs" component="button" onClick={onClose}>
          {t('common.close')}
        </Anchor>
      </Group>
      <QueryState query={radius}>
        {(r) => (
          <Stack gap={2} data-testid="blast-radius">
            {selection.kind !== 'client' && <Row label={t('maps.radiusOdps')} value={r.odps} />}
            <Row label={t('maps.radiusCustomers')} value={r.customers} />
            <Row label={t('maps.state.affected')} value={r.underOutage} />
            <Row label={t('maps.state.isolated')} value={r.isolated} />
            <Row label={t('maps.state.offline')} value={r.offline} />
          </Stack>
        )}
      </QueryState>
      {selection.kind === 'client' && (
        <Anchor component={Link} to={`/customers/${selection.id}`} size="sm">
          {t('maps.openCustomer')}
        </Anchor>
      )}
      {open ? (
        <Alert color="red" p="xs" mt="xs">
          <Text size="sm">
            {t('maps.openSince', { time: format.dateTime(open.startedAt) })} — {open.cause}
          </Text>
          {can('maps.manage') && (
            <Button size="xs" color="teal" mt={6} onClick={() => clear.mutate(open.id)} loading={clear.isPending}>
              {t('maps.clearOutage')}
            </Button>
          )}
        </Alert>
      ) : (
        can('maps.manage') && (
          <Button size="xs" color="red" variant="light" mt="xs" onClick={() => setSetting(true)}>
            {t('maps.setOutage')}
          </Button>
        )
      )}
      {history.data && history.data.length > 0 && (
        <Stack gap={2} mt="xs">
          <Text size="xs" fw={600}>
            {t('maps.history')}
          </Text>
          {history.data.map((o) => (
            <Text key={o.id} size="xs" c="dimmed">
              {format.dateTime(o.startedAt)} → {o.clearedAt ? format.dateTime(o.clearedAt) : t('maps.stillOpen')} · {o.cause}
            </Text>
          ))}
        </Stack>
      )}
      {setting && <SetOutageModal selection={selection} name={radius.data?.element.name ?? ''} onClose={() => setSetting(false)} />}
      <Text size="xs" c="dimmed" mt={4}>
        {selection.kind === 'odp' && data.odps.find((o) => o.id === selection.id) && t('maps.ports', { used: data.odps.find((o) => o.id === selection.id)!.used, ports: data.odps.find((o) => o.id === selection.id)!.ports })}
      </Text>
    </Card>
  );
}

function Row({ label, value }: { label: string; value: number }) {
  return (
    <Group justify="space-between" gap="xs">
      <Text size="sm">{label}</Text>
      <Text size="sm" fw={600}>
        {value}
      </Text>
    </Group>
  );
}

function SetOutageModal({ selection, name, onClose }: { selection: Selection; name: string; onClose: () => void }) {
  const t = useT();
  const [cause, setCause] = useState('');
  const [hours, setHours] = useState<number | string>('');
  const set = useSetOutage((o) => {
    notifications.show({ color: 'orange', message: t('maps.outageSet', { customers: o.affectedCustomers }) });
    onClose();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const expectedEndAt = typeof hours === 'number' && hours > 0 ? new Date(Date.now() + hours * 3_600_000).toISOString() : null;
    set.mutate({ element: selection, cause: cause.trim(), expectedEndAt });
  };
  return (
    <Modal opened onClose={onClose} title={`${t('maps.setOutage')}: ${name}`}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput label={t('maps.cause')} value={cause} onChange={(e) => setCause(e.currentTarget.value)} required maxLength={300} data-autofocus />
          <NumberInput label={t('maps.expectedHours')} value={hours} onChange={setHours} min={1} max={720} allowDecimal={false} />
          <Button type="submit" color="red" loading={set.isPending} disabled={!cause.trim()}>
            {t('maps.setOutage')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

/** A new ODC or ODP at the clicked place; an ODP goes under the nearest ODC unless changed. */
function PlaceModal({ placed, data, onClose }: { placed: { kind: 'odc' | 'odp'; lat: number; lng: number }; data: MapData; onClose: () => void }) {
  const t = useT();
  const nearest = useMemo(() => {
    let best: string | null = null;
    let bestD = Infinity;
    for (const o of data.odcs) {
      const d = (o.lat - placed.lat) ** 2 + (o.lng - placed.lng) ** 2;
      if (d < bestD) {
        bestD = d;
        best = o.id;
      }
    }
    return best;
  }, [data.odcs, placed]);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [ports, setPorts] = useState<number | string>(placed.kind === 'odc' ? 16 : 8);
  const [odcId, setOdcId] = useState<string | null>(nearest);
  const done = () => {
    notifications.show({ color: 'teal', message: t('maps.placed') });
    onClose();
  };
  const odc = useCreateOdc(done);
  const odp = useCreateOdp(done);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const base = { code: code.trim(), name: name.trim(), latitude: placed.lat, longitude: placed.lng };
    if (placed.kind === 'odc') odc.mutate({ ...base, capacity: Number(ports) });
    else odp.mutate({ ...base, odcId: odcId!, portCount: Number(ports) });
  };
  return (
    <Modal opened onClose={onClose} title={t(placed.kind === 'odc' ? 'maps.placeOdc' : 'maps.placeOdp')}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="xs" c="dimmed">
            {placed.lat}, {placed.lng}
          </Text>
          <TextInput label={t('maps.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} required maxLength={40} />
          <TextInput label={t('maps.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={120} />
          {placed.kind === 'odp' && (
            <Select label={t('maps.parentOdc')} data={data.odcs.map((o) => ({ value: o.id, label: `${o.code} · ${o.name}` }))} value={odcId} onChange={setOdcId} searchable required />
          )}
          <NumberInput label={t(placed.kind === 'odc' ? 'maps.capacity' : 'maps.portCount')} value={ports} onChange={setPorts} min={1} max={placed.kind === 'odc' ? 1024 : 256} allowDecimal={false} required />
          <Button type="submit" loading={odc.isPending || odp.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

/** A drawn route becomes a cable: its name, kind, and optionally the ODC it leaves and the ODP it reaches. */
function CableModal({ points, data, onClose }: { points: [number, number][]; data: MapData; onClose: () => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'feeder' | 'distribution' | 'drop'>('distribution');
  const [odcId, setOdcId] = useState<string | null>(null);
  const [odpId, setOdpId] = useState<string | null>(null);
  const create = useCreateCable(() => {
    notifications.show({ color: 'teal', message: t('maps.placed') });
    onClose();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim(), kind, points, odcId, odpId });
  };
  return (
    <Modal opened onClose={onClose} title={t('maps.drawCable')}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput label={t('maps.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={120} />
          <Select
            label={t('maps.cableKind')}
            data={[
              { value: 'feeder', label: t('maps.cable.feeder') },
              { value: 'distribution', label: t('maps.cable.distribution') },
              { value: 'drop', label: t('maps.cable.drop') },
            ]}
            value={kind}
            onChange={(v) => v && setKind(v as typeof kind)}
            allowDeselect={false}
          />
          <Select label={t('maps.cableFrom')} data={data.odcs.map((o) => ({ value: o.id, label: `${o.code} · ${o.name}` }))} value={odcId} onChange={setOdcId} searchable clearable />
          <Select label={t('maps.cableTo')} data={data.odps.map((o) => ({ value: o.id, label: `${o.code} · ${o.name}` }))} value={odpId} onChange={setOdpId} searchable clearable limit={200} />
          <Button type="submit" loading={create.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

function Cables() {
  const t = useT();
  const can = useCan();
  const cables = useCables();
  const remove = useDeleteCable();
  return (
    <QueryState query={cables}>
      {(list) => (
        <DataTable<Cable>
          rows={list}
          rowKey={(c) => c.id}
          empty={t('maps.noCables')}
          columns={[
            { header: t('maps.name'), cell: (c) => c.name },
            { header: t('maps.cableKind'), cell: (c) => t(`maps.cable.${c.kind}`) },
            { header: t('maps.length'), cell: (c) => `${c.lengthM} m`, align: 'right' },
            {
              header: '',
              hidden: !can('maps.manage'),
              cell: (c) => (
                <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(c.id)}>
                  {t('maps.delete')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </QueryState>
  );
}

function OpenOutages() {
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const outages = useOpenOutages();
  const clear = useClearOutage(() => notifications.show({ color: 'teal', message: t('maps.cleared') }));
  return (
    <QueryState query={outages}>
      {(list) => (
        <DataTable<Outage>
          rows={list}
          rowKey={(o) => o.id}
          rowProps={(o) => ({ 'data-outage': o.id })}
          empty={t('maps.noOutages')}
          columns={[
            { header: t('maps.element'), cell: (o) => `${t(levelKey[o.elementKind])} ${o.elementName}` },
            { header: t('maps.cause'), cell: (o) => o.cause },
            { header: t('maps.since'), cell: (o) => format.dateTime(o.startedAt) },
            { header: t('maps.radiusCustomers'), cell: (o) => o.affectedCustomers, align: 'right' },
            { header: t('maps.technician'), cell: (o) => (o.technicianRequested ? <Badge color="orange">{t('maps.technicianRequested')}</Badge> : '—') },
            {
              header: '',
              hidden: !can('maps.manage'),
              cell: (o) => (
                <Button size="xs" color="teal" variant="light" onClick={() => clear.mutate(o.id)} loading={clear.isPending && clear.variables === o.id}>
                  {t('maps.clearOutage')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </QueryState>
  );
}

function Suggestions({ odps }: { odps: MapData['odps'] }) {
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const suggestions = useSuggestions();
  const resolve = useResolveSuggestion();
  const odpName = (id: string) => {
    const o = odps.find((x) => x.id === id);
    return o ? `${o.code} · ${o.name}` : id;
  };
  return (
    <QueryState query={suggestions}>
      {(list) => (
        <DataTable<Suggestion>
          rows={list}
          rowKey={(s) => s.id}
          empty={t('maps.noSuggestions')}
          columns={[
            { header: t('maps.level.odp'), cell: (s) => odpName(s.odpId) },
            { header: t('maps.offlineTogether'), cell: (s) => t('maps.offlineWithin', { count: s.offlineCustomers, minutes: s.windowMinutes }) },
            { header: t('maps.since'), cell: (s) => format.dateTime(s.createdAt) },
            {
              header: '',
              hidden: !can('maps.manage'),
              cell: (s) => (
                <Group gap={4} justify="flex-end">
                  <Button size="xs" color="red" variant="light" onClick={() => resolve.mutate({ id: s.id, accept: true })}>
                    {t('maps.accept')}
                  </Button>
                  <Button size="xs" variant="subtle" onClick={() => resolve.mutate({ id: s.id, accept: false })}>
                    {t('maps.dismiss')}
                  </Button>
                </Group>
              ),
            },
          ]}
        />
      )}
    </QueryState>
  );
}

function ImportButton() {
  const t = useT();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpened(true)}>
        {t('maps.import')}
      </Button>
      {opened && <ImportModal onClose={() => setOpened(false)} />}
    </>
  );
}

function ImportModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [kind, setKind] = useState<'odc' | 'odp'>('odp');
  const [csv, setCsv] = useState('code,name,lat,lng,parent,ports\n');
  const preview = usePreviewImport();
  const commit = useCommitImport((r) => {
    notifications.show({ color: 'teal', message: t('maps.imported', { count: r.imported }) });
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('maps.import')} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          {t(kind === 'odc' ? 'maps.importHelpOdc' : 'maps.importHelpOdp')}
        </Text>
        <Select label={t('maps.importKind')} data={[{ value: 'odc', label: 'ODC' }, { value: 'odp', label: 'ODP' }]} value={kind} onChange={(v) => {
            if (!v) return;
            setKind(v as 'odc' | 'odp');
            preview.reset();
          }} allowDeselect={false} />
        <Textarea label="CSV" value={csv} onChange={(e) => {
            setCsv(e.currentTarget.value);
            preview.reset();
          }} autosize minRows={5} maxRows={12} styles={{ input: { fontFamily: 'monospace' } }} />
        <Group>
          <Button variant="light" onClick={() => preview.mutate({ kind, csv })} loading={preview.isPending}>
            {t('maps.preview')}
          </Button>
          <Button onClick={() => commit.mutate({ kind, csv })} disabled={!preview.data || preview.data.invalid > 0} loading={commit.isPending}>
            {t('maps.importCommit')}
          </Button>
        </Group>
        {preview.data && <PreviewRows preview={preview.data} t={t} />}
      </Stack>
    </Modal>
  );
}

function PreviewRows({ preview, t }: { preview: ImportPreview; t: Translate }) {
  return (
    <Stack gap="xs">
      <Text size="sm">{t('maps.previewSummary', { total: preview.total, valid: preview.valid, invalid: preview.invalid })}</Text>
      <DataTable<ImportPreview['rows'][number]>
        rows={preview.rows}
        rowKey={(r) => String(r.line)}
        rowProps={(r) => ({ 'data-import-line': String(r.line), 'data-valid': r.errors.length ? 'no' : 'yes' })}
        columns={[
          { header: t('maps.line'), cell: (r) => r.line },
          { header: t('maps.code'), cell: (r) => r.code },
          { header: t('maps.name'), cell: (r) => r.name },
          {
            header: t('maps.rowErrors'),
            cell: (r) =>
              r.errors.length ? (
                <Text size="sm" c="red">
                  {r.errors.map((e) => `${e.field}: ${e.problem}`).join('; ')}
                </Text>
              ) : (
                <Text size="sm" c="teal">
                  {t('maps.rowOk')}
                </Text>
              ),
          },
        ]}
      />
    </Stack>
  );
}

function SettingsCard() {
  const t = useT();
  const settings = useMapsSettings();
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('maps.settings')}
      </Title>
      <QueryState query={settings}>{(s) => <SettingsForm initial={s} />}</QueryState>
    </Card>
  );
}

function SettingsForm({ initial }: { initial: NonNullable<ReturnType<typeof useMapsSettings>['data']> }) {
  const t = useT();
  const [tileUrl, setTileUrl] = useState(initial.tileUrl ?? '');
  const [tileAttribution, setTileAttribution] = useState(initial.tileAttribution ?? '');
  const [threshold, setThreshold] = useState<number | string>(initial.technicianThreshold);
  const [k, setK] = useState<number | string>(initial.signalOfflineCount);
  const [m, setM] = useState<number | string>(initial.signalWindowMinutes);
  const save = useUpdateMapsSettings(() => notifications.show({ color: 'teal', message: t('maps.settingsSaved') }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      tileUrl: tileUrl.trim() || null,
      tileAttribution: tileAttribution.trim() || null,
      technicianThreshold: Number(threshold),
      signalOfflineCount: Number(k),
      signalWindowMinutes: Number(m),
    });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <TextInput label={t('maps.tileUrl')} description={t('maps.tileUrlHelp')} value={tileUrl} onChange={(e) => setTileUrl(e.currentTarget.value)} placeholder="https://tiles.example.net/{z}/{x}/{y}.png" />
        <TextInput label={t('maps.tileAttribution')} value={tileAttribution} onChange={(e) => setTileAttribution(e.currentTarget.value)} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput label={t('maps.threshold')} value={threshold} onChange={setThreshold} min={1} max={100000} allowDecimal={false} />
          <NumberInput label={t('maps.signalCount')} value={k} onChange={setK} min={2} max={256} allowDecimal={false} />
          <NumberInput label={t('maps.signalMinutes')} value={m} onChange={setM} min={1} max={240} allowDecimal={false} />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
