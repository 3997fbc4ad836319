/** The bulletin's indicators as the tests write them (lib/domain/bulletin and the HTML export). */
import type { BulletinIndicator } from '@/lib/domain/bulletin';
import type { Qualifier } from '@/lib/domain/types';

/** A figure reported as a number (`value`) for `month`, qualified as the report words it. */
export function reported(
  value: string,
  qualifier: Qualifier = 'exact',
  month = 11,
): NonNullable<BulletinIndicator['figure']> {
  return { month, value, valueText: null, qualifier };
}

/** A monthly cumulative 亿元 indicator of department 1 in area 1, labelled by its status, unless `over` says otherwise. */
export function bulletinIndicator(
  over: Partial<BulletinIndicator> & Pick<BulletinIndicator, 'id' | 'name' | 'status'>,
): BulletinIndicator {
  return {
    unit: '亿元',
    kind: 'cumulative',
    frequency: 'monthly',
    areaId: 1,
    departmentId: 1,
    departmentName: '市发展和改革委员会',
    departmentShortName: '市发改委',
    figure: null,
    target: { value: '1000', qualifier: 'exact' },
    expected: null,
    shares: null,
    statusLabel:
      over.status === 'green'
        ? '正常'
        : over.status === 'red'
          ? '滞后'
          : over.status === 'overdue'
            ? '逾期未报'
            : over.status === 'yellow'
              ? '预警'
              : '暂无数据',
    gapPoints: null,
    isSample: false,
    ...over,
  };
}
