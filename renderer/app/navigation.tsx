import type { AppStatus } from '../../shared/contract/index.js';
import { isShown, SCREENS, type ScreenId } from './screens.js';

interface Props {
  current: ScreenId;
  onNavigate: (screen: ScreenId) => void;
  status: AppStatus;
}

export function Navigation({ current, onNavigate, status }: Props) {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Dialdesk</span>
      </div>
      <ul className="nav-list">
        {SCREENS.filter((screen) => isShown(screen.id, status)).map((screen) => {
          const count = 'count' in screen ? screen.count(status) : 0;
          return (
            <li key={screen.id}>
              <button
                type="button"
                className="nav-item"
                aria-current={current === screen.id ? 'page' : undefined}
                onClick={() => onNavigate(screen.id)}
              >
                {screen.label}
                {count > 0 ? (
                  <span className="nav-count" aria-label={`${count} ${screen.label.toLowerCase()}`}>
                    {count.toLocaleString()}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
